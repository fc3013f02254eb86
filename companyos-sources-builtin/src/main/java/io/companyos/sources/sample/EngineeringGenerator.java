package io.companyos.sources.sample;

import static io.companyos.sources.sample.SampleCompanyProfile.SERVICES;
import static io.companyos.sources.sample.SampleCompanyProfile.SLO_TARGETS;

import io.companyos.model.data.Build;
import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.data.PullRequest;
import io.companyos.model.data.ScheduledEvent;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Changes, deployments, incidents (some caused by deployments, one repeat, one open at the reference
 * as-of), SLI counters with an injected error spike, pull requests, builds and scheduled deploys and
 * maintenance.
 */
final class EngineeringGenerator {
  /** The injected error spike: service search, 14:00–16:00 UTC three days before the reference as-of. */
  static final String SPIKE_SERVICE = "search";
  static final int SPIKE_DAYS_BEFORE = 3;
  /** Planned deploys and maintenance are known this many days ahead. */
  static final int PLANNING_DAYS = 7;
  /**
   * The longest lead time of a change, in days. A change exists from its creation, so deploys are generated
   * this far past the last day: every change created by the as-of is there, whenever it ships.
   */
  static final int MAX_LEAD_DAYS = 30;

  private static final List<String> TITLES = List.of(
      "elevated 5xx errors", "latency degradation", "failed background jobs", "connection pool exhaustion",
      "stale cache responses");
  private static final String[] SEVERITIES = {"P1", "P2", "P3", "P4"};
  private static final String DAY = "day";

  private final SampleCompanyProfile p;
  private final SampleDraws draws;
  private final SampleRows rows;
  /** Incidents of the reference history, numbered first, then those after it. */
  private final List<Draft> referenceIncidents = new ArrayList<>();
  private final List<Draft> laterIncidents = new ArrayList<>();
  private final List<Incident> incidents = new ArrayList<>();
  private int changeSeq;
  private int deploySeq;

  EngineeringGenerator(SampleCompanyProfile profile, long seed, SampleRows rows) {
    this.p = profile;
    this.draws = new SampleDraws(profile, seed, "engineering");
    this.rows = rows;
  }

  /** An incident before it has its number. */
  private record Draft(Instant created, Instant resolved, String severity, String service, String title,
      @Nullable String rootCause) {}

  /** Generates everything. */
  void generate() {
    for (long d = 0; d <= p.lastDay + MAX_LEAD_DAYS; d++) {
      SampleRandom r = draws.day(DAY, d);
      deploysOn(d, r);
      if (r.chance(0.22)) {
        incident(d, p.at(d, r.between(0, 23), r.between(0, 59)), r.pick(SERVICES), null, r.pick(TITLES));
      }
      pullRequestsAndBuilds(d, r);
    }
    injectRepeatAndOpenIncidents();
    numberIncidents();
    sliMetrics();
    scheduledEvents();
  }

  private void deploysOn(long day, SampleRandom r) {
    int n = p.isWeekday(day) ? r.between(3, 8) : r.between(0, 1);
    for (int k = 0; k < n; k++) {
      Instant when = p.at(day, r.between(9, 17), r.between(0, 59));
      SampleRandom x = draws.at(DAY, day, when);
      List<String> ids = new ArrayList<>();
      for (int c = x.between(1, 4); c > 0; c--) {
        String id = String.format(Locale.ROOT, "c-%06d", ++changeSeq);
        // Lead time: mostly hours, sometimes a few days (log-normal-ish), never more than MAX_LEAD_DAYS.
        long minutes = Math.min((long) Math.exp(x.normal(Math.log(18 * 60), 0.9, Math.log(30))),
            MAX_LEAD_DAYS * 24 * 60L);
        rows.add(RecordKind.CHANGES, new Change(id, when.minus(minutes, ChronoUnit.MINUTES)));
        ids.add(id);
      }
      String deployId = String.format(Locale.ROOT, "d-%06d", ++deploySeq);
      boolean failed = x.chance(0.05);
      rows.add(RecordKind.DEPLOYMENTS, new Deployment(deployId, when, ids, failed ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
      String service = x.pick(SERVICES);
      if ((failed && x.chance(0.7)) || (!failed && x.chance(0.03))) {
        incident(day, when.plus(x.between(10, 120), ChronoUnit.MINUTES), service, deployId, x.pick(TITLES));
      }
    }
  }

  private void incident(long day, Instant created, String service, @Nullable String rootCause, String title) {
    SampleRandom x = draws.at(DAY, day, created);
    int sev = x.weighted(5, 20, 45, 30);
    double[] maxHours = {3, 6, 24, 72};
    Instant resolved = created.plus(Duration.ofMinutes((long) (x.uniform(0.3, maxHours[sev]) * 60)));
    (created.isBefore(p.reference) ? referenceIncidents : laterIncidents)
        .add(new Draft(created, resolved, SEVERITIES[sev], service, service + ": " + title, rootCause));
  }

  private void injectRepeatAndOpenIncidents() {
    // A repeat: the same checkout failure twice within 30 days (titles differ only in case and detail).
    Instant first = p.reference.minus(20, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS);
    referenceIncidents.add(new Draft(first, first.plus(2, ChronoUnit.HOURS), "P2", "checkout",
        "checkout: Payment provider timeouts", null));
    Instant second = p.reference.minus(6, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS);
    referenceIncidents.add(new Draft(second, second.plus(3, ChronoUnit.HOURS), "P2", "checkout",
        "checkout: payment provider timeouts (EU)", null));
    // Open at the reference as-of (feeding "Active Incidents"), resolved that night.
    Instant open = p.reference.minus(5, ChronoUnit.HOURS);
    referenceIncidents.add(new Draft(open, p.reference.plus(18, ChronoUnit.HOURS), "P3", "search",
        "search: index lag above 10 minutes", null));
  }

  /** Numbers the incidents of the reference history first, so that later days never renumber them. */
  private void numberIncidents() {
    int seq = 0;
    for (List<Draft> drafts : List.of(referenceIncidents, laterIncidents)) {
      for (Draft i : drafts) {
        Incident incident = new Incident(String.format(Locale.ROOT, "INC-%05d", ++seq), i.created(), p.known(i.resolved()),
            i.severity(), i.service(), i.title(), i.rootCause());
        incidents.add(incident);
        rows.add(RecordKind.INCIDENTS, incident);
      }
    }
  }

  private void sliMetrics() {
    Instant spikeStart = p.reference.truncatedTo(ChronoUnit.DAYS).minus(SPIKE_DAYS_BEFORE, ChronoUnit.DAYS).plus(14, ChronoUnit.HOURS);
    long hours = 24 * (p.lastDay + 1);
    for (String service : SERVICES) {
      double target = SLO_TARGETS.get(service);
      Map<String, String> labels = Map.of("service", service);
      double base = 2000 + 700 * SERVICES.indexOf(service);
      for (long h = 0; h < hours; h++) {
        Instant t = p.start.plus(h, ChronoUnit.HOURS);
        SampleRandom r = draws.at("sli", h / 24, t);
        if (h % 24 == 0) {
          rows.metric(MetricNames.SLO_TARGET, labels, t, target);
        }
        int hourOfDay = (int) (h % 24);
        double diurnal = 0.55 + 0.45 * Math.sin(Math.PI * Math.max(0, hourOfDay - 6) / 16.0);
        double requests = Math.round(base * p.growth(t) * diurnal * r.uniform(0.9, 1.1));
        double errorRatio = (1 - target) * r.uniform(0.05, 0.5);
        double latency = r.normal(180 + 20 * SERVICES.indexOf(service), 12, 50);
        for (Incident i : incidentsAt(service, t)) {
          double factor = i.severity().equals("P1") ? 25 : i.severity().equals("P2") ? 12 : 3;
          errorRatio = Math.max(errorRatio, (1 - target) * factor);
          latency *= 1.8;
        }
        if (service.equals(SPIKE_SERVICE) && !t.isBefore(spikeStart) && t.isBefore(spikeStart.plus(2, ChronoUnit.HOURS))) {
          errorRatio = (1 - target) * 20;
          latency *= 3;
        }
        double errors = Math.round(requests * errorRatio);
        rows.metric(MetricNames.SLO_REQUESTS, labels, t, requests);
        rows.metric(MetricNames.SLO_ERRORS, labels, t, errors);
        rows.metric(MetricNames.LATENCY_P95_MS, labels, t, Math.round(latency));
        rows.metric(MetricNames.ERROR_BUDGET_BURN_RATE, labels, t, round4((errors / requests) / (1 - target)));
        if (service.equals(SERVICES.get(0))) {
          // One series per severity, as a PagerDuty exporter labels them: checks can report the worst open one.
          for (String severity : List.of("P1", "P2", "P3", "P4")) {
            rows.metric(MetricNames.ACTIVE_INCIDENTS, Map.of("severity", severity), t, incidentsOpenAt(t, severity));
          }
        }
      }
    }
  }

  /**
   * The incidents of {@code service} affecting the hour {@code t}. Resolve times after the as-of are
   * unknown (open), which for an hour before the as-of gives the same answer as the real resolve time.
   */
  private List<Incident> incidentsAt(String service, Instant t) {
    List<Incident> out = new ArrayList<>();
    for (Incident i : incidents) {
      if (i.service().equals(service) && !t.isBefore(i.timeCreated().truncatedTo(ChronoUnit.HOURS))
          && (i.timeResolved() == null || t.isBefore(i.timeResolved()))) {
        out.add(i);
      }
    }
    return out;
  }

  private int incidentsOpenAt(Instant t, String severity) {
    int n = 0;
    for (Incident i : incidents) {
      if (i.severity().equals(severity) && !t.isBefore(i.timeCreated()) && (i.timeResolved() == null || t.isBefore(i.timeResolved()))) {
        n++;
      }
    }
    return n;
  }

  private void pullRequestsAndBuilds(long day, SampleRandom r) {
    boolean weekday = p.isWeekday(day);
    for (int k = weekday ? r.between(6, 12) : r.between(0, 2); k > 0; k--) {
      Instant opened = p.at(day, r.between(8, 18), r.between(0, 59));
      Instant review = opened.plus((long) r.normal(6 * 60, 8 * 60, 20), ChronoUnit.MINUTES);
      Instant merged = review.plus((long) r.normal(10 * 60, 10 * 60, 15), ChronoUnit.MINUTES);
      boolean abandoned = r.chance(0.03);
      String service = r.pick(SERVICES);
      rows.add(RecordKind.PULL_REQUESTS, new PullRequest(
          String.format(Locale.ROOT, "PR-%05d", (int) (day * 100 + k)), prTitle(r, service), r.pick(SampleCompanyProfile.PEOPLE),
          "acme/" + service, opened, p.known(review), abandoned ? null : p.known(merged),
          abandoned ? p.known(merged) : null));
    }
    if (day == p.referenceDay - 1) {
      // Stale pull requests: opened 2-5 days before the reference as-of, first reviewed in the days after it.
      for (int k = 0; k < 4; k++) {
        Instant opened = p.reference.minus(2 + k, ChronoUnit.DAYS).minus(3, ChronoUnit.HOURS);
        Instant review = p.reference.plus(k + 1, ChronoUnit.DAYS);
        String service = SERVICES.get(k);
        rows.add(RecordKind.PULL_REQUESTS, new PullRequest(String.format(Locale.ROOT, "PR-S%03d", k), prTitle(r, service),
            SampleCompanyProfile.PEOPLE.get(k), "acme/" + service, opened, p.known(review),
            p.known(review.plus(2, ChronoUnit.HOURS)), null));
      }
    }
    for (int k = weekday ? r.between(20, 40) : r.between(2, 6); k > 0; k--) {
      Instant at = p.at(day, r.between(0, 23), r.between(0, 59));
      SampleRandom x = draws.at(DAY, day, at);
      rows.add(RecordKind.BUILDS, new Build(String.format(Locale.ROOT, "b-%d-%d", day, k), "ci/" + x.pick(SERVICES), at,
          x.chance(0.93)));
    }
  }

  private static String prTitle(SampleRandom r, String service) {
    return r.pick(List.of("Refactor ", "Fix flaky test in ", "Add metrics to ", "Bump dependencies of ", "Speed up ")) + service;
  }

  /** Two planned deploys every weekday and a maintenance window every Monday, known {@link #PLANNING_DAYS} ahead. */
  private void scheduledEvents() {
    int seq = 0;
    for (long d = 0; d <= p.lastDay + PLANNING_DAYS; d++) {
      if (!p.isWeekday(d)) {
        continue;
      }
      Instant planned = p.at(d, 0, 0).minus(PLANNING_DAYS, ChronoUnit.DAYS);
      SampleRandom r = draws.at("schedule", d, planned);
      for (int hour : new int[] {10, 14}) {
        String service = r.pick(SERVICES);
        Instant s = p.at(d, hour, 0);
        rows.add(RecordKind.SCHEDULED_EVENTS, new ScheduledEvent("sch-" + (++seq), "deploy",
            "Release " + service + " " + (d + 100) + "." + hour, service, s, s.plus(30, ChronoUnit.MINUTES)), planned);
      }
      if (d % 7 == p.referenceDay % 7) {
        // Weekly maintenance on the weekday of the reference as-of (Monday), so its "today" has one.
        Instant s = p.at(d, 22, 0);
        rows.add(RecordKind.SCHEDULED_EVENTS, new ScheduledEvent("sch-" + (++seq), "maintenance",
            "Database minor version upgrade (" + r.pick(List.of("checkout", "billing", "identity")) + ")", "postgres",
            s, s.plus(1, ChronoUnit.HOURS)), planned);
      }
    }
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
