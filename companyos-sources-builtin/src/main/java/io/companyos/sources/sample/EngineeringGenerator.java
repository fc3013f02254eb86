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
 * Changes, deployments, incidents (some caused by deployments, one repeat, one still open), SLI
 * counters with an injected error spike, pull requests, builds and scheduled deploys/maintenance.
 */
final class EngineeringGenerator {
  /** The injected error spike: service search, 14:00–16:00 UTC three days before as-of. */
  static final String SPIKE_SERVICE = "search";
  static final int SPIKE_DAYS_BEFORE = 3;

  private static final List<String> TITLES = List.of(
      "elevated 5xx errors", "latency degradation", "failed background jobs", "connection pool exhaustion",
      "stale cache responses");
  private static final String[] SEVERITIES = {"P1", "P2", "P3", "P4"};

  private final SampleCompanyProfile p;
  private final SampleRandom r;
  private final SampleRows rows;
  private final List<Incident> incidents = new ArrayList<>();
  private int changeSeq;
  private int deploySeq;
  private int incidentSeq;

  EngineeringGenerator(SampleCompanyProfile profile, long seed, SampleRows rows) {
    this.p = profile;
    this.r = new SampleRandom(seed, "engineering");
    this.rows = rows;
  }

  /** Generates everything; returns the incidents so that other generators can reference them. */
  List<Incident> generate() {
    for (long d = 0; d <= p.days; d++) {
      deploysOn(d);
      if (r.chance(0.22)) {
        incident(p.at(d, r.between(0, 23), r.between(0, 59)), r.pick(SERVICES), null, r.pick(TITLES));
      }
      pullRequestsAndBuilds(d);
    }
    injectRepeatAndOpenIncidents();
    for (Incident i : incidents) {
      rows.add(RecordKind.INCIDENTS, i);
    }
    sliMetrics();
    scheduledEvents();
    return List.copyOf(incidents);
  }

  private void deploysOn(long day) {
    int n = p.isWeekday(day) ? r.between(3, 8) : r.between(0, 1);
    for (int k = 0; k < n; k++) {
      Instant when = p.at(day, r.between(9, 17), r.between(0, 59));
      if (!when.isBefore(p.asOf)) {
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (int c = r.between(1, 4); c > 0; c--) {
        String id = String.format(Locale.ROOT, "c-%06d", ++changeSeq);
        // Lead time: mostly hours, sometimes a few days (log-normal-ish).
        long minutes = (long) Math.exp(r.normal(Math.log(18 * 60), 0.9, Math.log(30)));
        rows.add(RecordKind.CHANGES, new Change(id, when.minus(minutes, ChronoUnit.MINUTES)));
        ids.add(id);
      }
      String deployId = String.format(Locale.ROOT, "d-%06d", ++deploySeq);
      boolean failed = r.chance(0.05);
      rows.add(RecordKind.DEPLOYMENTS, new Deployment(deployId, when, ids, failed ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
      String service = r.pick(SERVICES);
      if ((failed && r.chance(0.7)) || (!failed && r.chance(0.03))) {
        incident(when.plus(r.between(10, 120), ChronoUnit.MINUTES), service, deployId, r.pick(TITLES));
      }
    }
  }

  private void incident(Instant created, String service, @Nullable String rootCause, String title) {
    if (!created.isBefore(p.asOf)) {
      return;
    }
    int sev = r.weighted(5, 20, 45, 30);
    double[] maxHours = {3, 6, 24, 72};
    Instant resolved = created.plus(Duration.ofMinutes((long) (r.uniform(0.3, maxHours[sev]) * 60)));
    incidents.add(new Incident(String.format(Locale.ROOT, "INC-%05d", ++incidentSeq), created,
        resolved.isBefore(p.asOf) ? resolved : null, SEVERITIES[sev], service, service + ": " + title, rootCause));
  }

  private void injectRepeatAndOpenIncidents() {
    // A repeat: the same checkout failure twice within 30 days (titles differ only in case and detail).
    Instant first = p.asOf.minus(20, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS);
    incidents.add(new Incident(String.format(Locale.ROOT, "INC-%05d", ++incidentSeq), first, first.plus(2, ChronoUnit.HOURS),
        "P2", "checkout", "checkout: Payment provider timeouts", null));
    Instant second = p.asOf.minus(6, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS);
    incidents.add(new Incident(String.format(Locale.ROOT, "INC-%05d", ++incidentSeq), second, second.plus(3, ChronoUnit.HOURS),
        "P2", "checkout", "checkout: payment provider timeouts (EU)", null));
    // Still open at as-of, feeding "Active Incidents".
    incidents.add(new Incident(String.format(Locale.ROOT, "INC-%05d", ++incidentSeq), p.asOf.minus(5, ChronoUnit.HOURS), null,
        "P3", "search", "search: index lag above 10 minutes", null));
  }

  private void sliMetrics() {
    Instant spikeStart = p.asOf.truncatedTo(ChronoUnit.DAYS).minus(SPIKE_DAYS_BEFORE, ChronoUnit.DAYS).plus(14, ChronoUnit.HOURS);
    long hours = ChronoUnit.HOURS.between(p.start, p.asOf);
    for (String service : SERVICES) {
      double target = SLO_TARGETS.get(service);
      Map<String, String> labels = Map.of("service", service);
      double base = 2000 + 700 * SERVICES.indexOf(service);
      for (long h = 0; h < hours; h++) {
        Instant t = p.start.plus(h, ChronoUnit.HOURS);
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
          rows.metric(MetricNames.ACTIVE_INCIDENTS, Map.of(), t, incidentsOpenAt(t));
        }
      }
    }
  }

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

  private int incidentsOpenAt(Instant t) {
    int n = 0;
    for (Incident i : incidents) {
      if (!t.isBefore(i.timeCreated()) && (i.timeResolved() == null || t.isBefore(i.timeResolved()))) {
        n++;
      }
    }
    return n;
  }

  private void pullRequestsAndBuilds(long day) {
    boolean weekday = p.isWeekday(day);
    for (int k = weekday ? r.between(6, 12) : r.between(0, 2); k > 0; k--) {
      Instant opened = p.at(day, r.between(8, 18), r.between(0, 59));
      Instant review = opened.plus((long) r.normal(6 * 60, 8 * 60, 20), ChronoUnit.MINUTES);
      Instant merged = review.plus((long) r.normal(10 * 60, 10 * 60, 15), ChronoUnit.MINUTES);
      boolean abandoned = r.chance(0.03);
      String service = r.pick(SERVICES);
      rows.add(RecordKind.PULL_REQUESTS, new PullRequest(
          String.format(Locale.ROOT, "PR-%05d", (int) (day * 100 + k)), prTitle(service), r.pick(SampleCompanyProfile.PEOPLE),
          "acme/" + service, opened, before(review), abandoned ? null : before(merged),
          abandoned ? before(merged) : null));
    }
    if (day == p.days - 1) {
      // Stale pull requests: opened 2-5 days before as-of and never reviewed.
      for (int k = 0; k < 4; k++) {
        Instant opened = p.asOf.minus(2 + k, ChronoUnit.DAYS).minus(3, ChronoUnit.HOURS);
        String service = SERVICES.get(k);
        rows.add(RecordKind.PULL_REQUESTS, new PullRequest(String.format(Locale.ROOT, "PR-S%03d", k), prTitle(service),
            SampleCompanyProfile.PEOPLE.get(k), "acme/" + service, opened, null, null, null));
      }
    }
    for (int k = weekday ? r.between(20, 40) : r.between(2, 6); k > 0; k--) {
      Instant at = p.at(day, r.between(0, 23), r.between(0, 59));
      if (at.isBefore(p.asOf)) {
        rows.add(RecordKind.BUILDS, new Build(String.format(Locale.ROOT, "b-%d-%d", day, k), "ci/" + r.pick(SERVICES), at, r.chance(0.93)));
      }
    }
  }

  private String prTitle(String service) {
    return r.pick(List.of("Refactor ", "Fix flaky test in ", "Add metrics to ", "Bump dependencies of ", "Speed up ")) + service;
  }

  private @Nullable Instant before(Instant t) {
    return t.isBefore(p.asOf) ? t : null;
  }

  private void scheduledEvents() {
    int seq = 0;
    for (long d = 0; d <= p.days + 7; d++) {
      if (!p.isWeekday(d)) {
        continue;
      }
      for (int hour : new int[] {10, 14}) {
        String service = r.pick(SERVICES);
        Instant s = p.at(d, hour, 0);
        rows.add(RecordKind.SCHEDULED_EVENTS, new ScheduledEvent("sch-" + (++seq), "deploy",
            "Release " + service + " " + (d + 100) + "." + hour, service, s, s.plus(30, ChronoUnit.MINUTES)));
      }
      if (d % 7 == (p.days % 7)) {
        // Weekly maintenance on the weekday of as-of, so "today" always has one.
        Instant s = p.at(d, 22, 0);
        rows.add(RecordKind.SCHEDULED_EVENTS, new ScheduledEvent("sch-" + (++seq), "maintenance",
            "Database minor version upgrade (" + r.pick(List.of("checkout", "billing", "identity")) + ")", "postgres",
            s, s.plus(1, ChronoUnit.HOURS)));
      }
    }
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
