package io.companyos.scoring.recommend;

import io.companyos.model.data.Incident;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.recommend.RecommendationRule;
import io.companyos.model.time.Durations;
import io.companyos.model.slo.SloSpec;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.incident.IncidentFingerprint;
import io.companyos.scoring.security.RemediationSla;
import io.companyos.scoring.security.VulnerabilityStats;
import io.companyos.scoring.slo.BurnRateAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reliability and security rule kinds: error-budget burn tier, repeat incidents, change failure rate up and
 * vulnerabilities past their SLA. Each is a pure function of scored inputs; docs/recommendations.md gives the formulas.
 */
public final class ReliabilityRules {
  /** The SLO period the burn-rate tiers are scaled for (SRE workbook: a 30-day SLO). */
  public static final Duration SLO_PERIOD = Duration.ofDays(30);

  private ReliabilityRules() {}

  /**
   * A service's burn-rate tier at an instant ({@link BurnRateAlerts#tier}), with the records behind it.
   *
   * @param service the service
   * @param tier its burn-rate tier at {@code at}
   * @param at the instant the tier was evaluated at, the end of every burn-rate window
   * @param records e.g. the event counts the burn rates were computed from
   */
  public record ServiceBurn(String service, BurnRateAlerts.Tier tier, Instant at, List<String> records) {
    /**
     * Copies the records, which are unmodifiable afterwards.
     *
     * @param service the service
     * @param tier its burn-rate tier
     * @param at the instant of evaluation
     * @param records the records behind the tier
     */
    public ServiceBurn {
      records = List.copyOf(records);
    }
  }

  /**
   * Burn rate tier → slow or freeze rollouts (SRE workbook, "Alerting on SLOs", multiwindow multi-burn-rate alerts).
   * A service whose firing tier has a factor of at least {@code min_factor} gets "freeze rollouts" when the factor is at
   * least {@code freeze_factor}, else "slow rollouts". Impact: the share of the 30-day error budget the long-window burn
   * rate spends per day, {@code burn × 1 d / 30 d × 100} percent; the budget lasts {@code 30 d / burn}.
   *
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param burns every service's burn-rate tier
   * @return one recommendation per service whose firing tier reaches {@code min_factor}, in the order of {@code burns}
   */
  public static List<Recommendation> burnRate(RecommendationRule rule, String owner, List<ServiceBurn> burns) {
    double min = rule.number("min_factor");
    double freeze = rule.number("freeze_factor");
    List<Recommendation> out = new ArrayList<>();
    for (ServiceBurn b : burns) {
      BurnRateAlerts.AlertState s = b.tier().firing().orElse(null);
      if (s == null || s.window().factor() < min) {
        continue;
      }
      double factor = s.window().factor();
      double longBurn = s.longBurn().orElseThrow();
      double shortBurn = s.shortBurn().orElseThrow();
      String lw = Durations.format(s.window().longWindow());
      String sw = Durations.format(s.window().shortWindow());
      String tier = SloSpec.plain(factor) + "x " + (s.window().pages() ? "page" : "ticket") + " tier (" + lw + "/" + sw + ")";
      String action = (factor >= freeze ? "Freeze rollouts of " : "Slow rollouts of ") + b.service() + ": its SLO is in the "
          + tier + (factor >= freeze ? "; ship only fixes until the burn stops" : "; review risky changes before they ship");
      double perDay = longBurn * Duration.ofDays(1).toSeconds() / SLO_PERIOD.toSeconds() * 100;
      double daysLeft = SLO_PERIOD.toSeconds() / longBurn / Duration.ofDays(1).toSeconds();
      List<Evidence> ev = List.of(
          Evidence.of("burn rate over " + lw, longBurn, "x", "burn_rate", TimeWindow.ending(b.at(), s.window().longWindow()), b.records()),
          Evidence.of("burn rate over " + sw, shortBurn, "x", "burn_rate", TimeWindow.ending(b.at(), s.window().shortWindow()), List.of()));
      Impact impact = Impact.of(perDay, "% of the 30-day error budget per day", String.format(Locale.ROOT,
          "%s × 1 d / 30 d; at this rate the whole budget lasts %.1f days", fmt(longBurn), daysLeft));
      out.add(new Recommendation(rule.id(), b.service(), action, owner, rule.priority(), ev, impact));
    }
    return out;
  }

  /**
   * Repeat incidents → problem review. Incidents are grouped by {@link IncidentFingerprint} (service and normalised
   * title); a group whose newest incident was created in {@code period} and which has at least {@code min_count}
   * incidents created within {@code within_days} before that newest one (inclusive) gets a review. Impact: the hours
   * those incidents lasted, {@code Σ (resolved − created)} over the resolved ones.
   *
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param incidents the incidents of {@code period} and of at least {@code within_days} before it
   * @param period the half-open period {@code [start, end)} the newest incident of a group must be created in
   * @return one recommendation per group that qualifies, in fingerprint order
   */
  public static List<Recommendation> repeatIncidents(RecommendationRule rule, String owner, List<Incident> incidents, TimeWindow period) {
    Duration within = Duration.ofDays((long) rule.number("within_days"));
    int minCount = (int) rule.number("min_count");
    Map<String, List<Incident>> groups = new TreeMap<>();
    incidents.stream().sorted(Comparator.comparing(Incident::timeCreated).thenComparing(Incident::incidentId))
        .forEach(i -> groups.computeIfAbsent(IncidentFingerprint.of(i), k -> new ArrayList<>()).add(i));
    List<Recommendation> out = new ArrayList<>();
    for (List<Incident> all : groups.values()) {
      Incident newest = all.get(all.size() - 1);
      if (!period.contains(newest.timeCreated())) {
        continue;
      }
      Instant from = newest.timeCreated().minus(within);
      List<Incident> group = all.stream().filter(i -> !i.timeCreated().isBefore(from)).toList();
      if (group.size() < minCount) {
        continue;
      }
      List<String> ids = group.stream().map(Incident::incidentId).toList();
      TimeWindow span = new TimeWindow(from, newest.timeCreated().plusSeconds(1));
      double hours = 0;
      int resolved = 0;
      for (Incident i : group) {
        if (i.timeResolved() != null && !i.timeResolved().isBefore(i.timeCreated())) {
          hours += Duration.between(i.timeCreated(), i.timeResolved()).toSeconds() / 3600.0;
          resolved++;
        }
      }
      List<Evidence> ev = List.of(Evidence.of("incidents of this cause within " + within.toDays() + " days", group.size(), "incidents",
          "repeat_incidents", span, ids));
      Impact impact = resolved == 0 ? Impact.absent("incident hours", "none of them resolved yet")
          : Impact.of(hours, "incident hours", "sum of resolved − created over " + resolved + " resolved incidents"
              + (resolved < group.size() ? " (" + (group.size() - resolved) + " still open)" : ""));
      out.add(new Recommendation(rule.id(), newest.service() + ": " + newest.title(), String.format(Locale.ROOT,
          "Hold a problem review of %s: \"%s\" happened %d times in %d days (%s)", newest.service(), newest.title(), group.size(),
          within.toDays(), String.join(", ", ids)), owner, rule.priority(), ev, impact));
    }
    return out;
  }

  /**
   * Change failure rate up → deploy-safety review (DORA: failed deployments / deployments). Fires when the window had
   * at least {@code min_deploys} deployments and its rate is at least {@code min_increase_points} percentage points
   * above the comparison window's. Impact: the failed deployments above the comparison rate,
   * {@code (rate − previous rate) × deployments}.
   *
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param current the DORA keys of the window judged
   * @param previous the DORA keys of the comparison window
   * @return one recommendation, or none when either rate is absent or the rule's thresholds are not reached
   */
  public static List<Recommendation> changeFailureRate(RecommendationRule rule, String owner, DoraResult current, DoraResult previous) {
    if (current.changeFailureRate().isEmpty() || previous.changeFailureRate().isEmpty()
        || current.deployments() < rule.number("min_deploys")) {
      return List.of();
    }
    double now = current.changeFailureRate().getAsDouble();
    double before = previous.changeFailureRate().getAsDouble();
    double points = (now - before) * 100;
    if (points < rule.number("min_increase_points")) {
      return List.of();
    }
    double extra = (now - before) * current.deployments();
    List<Evidence> ev = List.of(
        Evidence.of("change failure rate", now * 100, "%", "change_failure_rate", current.window(), current.evidence().failedWithReasons()),
        Evidence.of("change failure rate, comparison window", before * 100, "%", "change_failure_rate", previous.window(), List.of()),
        Evidence.of("deployments", current.deployments(), "deployments", "deployment_frequency", current.window(), List.of()));
    Impact impact = Impact.of(extra, "failed deployments", String.format(Locale.ROOT, "(%s%% − %s%%) × %d deployments",
        fmt(now * 100), fmt(before * 100), current.deployments()));
    return List.of(new Recommendation(rule.id(), "deployments", String.format(Locale.ROOT,
        "Hold a deploy-safety review: change failure rate rose from %s%% to %s%% (+%s points, %d of %d deployments failed)",
        fmt(before * 100), fmt(now * 100), fmt(points), current.failedDeployments(), current.deployments()), owner, rule.priority(), ev,
        impact));
  }

  /**
   * Vulnerabilities past their remediation SLA → their owner. The findings open at {@code at} for more than their
   * severity's SLA days plus {@code min_days_past}, in one recommendation that names the components, most findings
   * first. Impact: those findings off the {@code vulnerabilities_past_sla} count; the basis adds the days they are
   * overdue, {@code Σ (age − SLA days)}.
   *
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param vulns the findings
   * @param at the instant the findings are judged at
   * @param sla the remediation SLA per severity
   * @param window the window the evidence is reported over
   * @return one recommendation, or none when no finding is far enough past its SLA
   */
  public static List<Recommendation> vulnerabilitySla(RecommendationRule rule, String owner, List<Vulnerability> vulns, Instant at,
      RemediationSla sla, TimeWindow window) {
    long minPast = (long) rule.number("min_days_past");
    Map<String, List<VulnerabilityStats.OpenFinding>> byComponent = new TreeMap<>();
    List<VulnerabilityStats.OpenFinding> past = new ArrayList<>();
    for (VulnerabilityStats.OpenFinding f : VulnerabilityStats.openFindings(vulns, at, sla)) {
      if (f.pastSla() && f.ageDays() - f.slaDays() >= minPast) {
        byComponent.computeIfAbsent(f.vulnerability().component(), k -> new ArrayList<>()).add(f);
        past.add(f);
      }
    }
    if (past.isEmpty()) {
      return List.of();
    }
    long overdue = past.stream().mapToLong(f -> f.ageDays() - f.slaDays()).sum();
    long worst = past.stream().mapToLong(f -> f.ageDays() - f.slaDays()).max().orElse(0);
    List<String> ids = past.stream().map(f -> f.vulnerability().cve() != null ? f.vulnerability().cve() : f.vulnerability().vulnId())
        .toList();
    List<String> components = byComponent.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<VulnerabilityStats.OpenFinding>> e) -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .map(e -> e.getKey() + " (" + e.getValue().size() + ")").toList();
    List<Evidence> ev = List.of(Evidence.of("findings past their SLA", past.size(), "vulnerabilities", "vulnerabilities_past_sla",
        window, ids), Evidence.of("most days past the SLA", worst, "days", "vulnerabilities_past_sla", window, List.of()));
    Impact impact = Impact.of(past.size(), "vulnerabilities past SLA", String.format(Locale.ROOT,
        "%d days overdue in all", overdue));
    return List.of(new Recommendation(rule.id(), String.join(", ", byComponent.keySet()), String.format(Locale.ROOT,
        "Remediate %d finding%s past the remediation SLA (up to %d days over) in %s", past.size(), past.size() == 1 ? "" : "s",
        worst, String.join(", ", components)), owner, rule.priority(), ev, impact));
  }

  /** A number with at most two decimals and no trailing zeros. */
  static String fmt(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
