package io.companyos.render.internal;

import io.companyos.scoring.security.SecurityEventTotals;

import io.companyos.model.data.MetricNames;
import io.companyos.model.data.SecurityEvent;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.scoring.security.RemediationSla;
import io.companyos.scoring.security.VulnerabilityStats;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Security sections: vulnerability summary, critical CVEs, security events, posture, pending reviews. */
final class SecuritySections {
  static final List<String> VULN_COLUMNS = List.of("Severity", "Open", "New This Week", "Closed", "SLA Status");

  private SecuritySections() {}

  /** The remediation SLA the security sections and the health score hold findings to. */
  static final RemediationSla SLA = RemediationSla.DEFAULT;

  /** Per severity: open now, new and closed in the window, and how many open findings are past their SLA. */
  static final class VulnerabilitySummary extends FixedSection {
    VulnerabilitySummary() {
      super("vulnerability_summary", List.of(), List.of(VULN_COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      TimeWindow w = ctx.window();
      Instant at = w.end();
      Dataset<Vulnerability> d = ctx.records(RecordKind.VULNERABILITIES, Rows.history(at));
      List<Vulnerability> v = d.rows();
      List<String> severities = ctx.strings("severity", List.of("critical", "high", "medium", "low"));
      List<VulnerabilityStats.Row> table = VulnerabilityStats.table(v, w, severities, SLA);
      List<VulnerabilityStats.Row> before = VulnerabilityStats.table(v, ctx.previousWindow(), severities, SLA);
      List<List<MetricValue>> rows = new ArrayList<>();
      for (int i = 0; i < table.size(); i++) {
        VulnerabilityStats.Row r = table.get(i);
        String sev = r.severity();
        MetricValue open = MetricValue.of(r.open(), Unit.COUNT, d.provenance())
            .comparedWith((double) before.get(i).open(), Direction.LOWER_IS_BETTER);
        rows.add(List.of(MetricValue.label(sev.substring(0, 1).toUpperCase(Locale.ROOT) + sev.substring(1)), open,
            MetricValue.of(r.opened(), Unit.COUNT, d.provenance()), MetricValue.of(r.closed(), Unit.COUNT, d.provenance()),
            MetricValue.of(r.breached(), Unit.COUNT, r.breached() == 0 ? "within SLA (" + r.slaDays() + " d)"
                : r.breached() + " past SLA (" + r.slaDays() + " d)", d.provenance())));
      }
      return ctx.builder().table(new SectionTable("", VULN_COLUMNS, rows, "")).build();
    }
  }

  /** Open findings of the listed severities, oldest first, with age against the SLA. */
  static final class CriticalCves extends FixedSection {
    CriticalCves() {
      super("critical_cves", List.of(), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Instant at = ctx.asOf();
      Dataset<Vulnerability> d = ctx.records(RecordKind.VULNERABILITIES, Rows.history(at));
      List<String> sev = ctx.strings("severity", List.of("critical"));
      SectionBuilder b = ctx.builder();
      VulnerabilityStats.openFindings(d.rows(), sev, at, SLA).stream().limit(ctx.limit()).forEach(f -> {
        Vulnerability x = f.vulnerability();
        b.item(MetricValue.text((x.cve() != null ? x.cve() : x.vulnId()) + " in " + x.component() + ": " + x.title()
            + " (open " + f.ageDays() + " d, SLA " + f.slaDays() + " d" + (f.pastSla() ? ", PAST SLA" : "") + ")", d.provenance()));
      });
      b.emptyText("No open " + String.join("/", sev) + " findings.");
      return b.build();
    }
  }

  /** Failed authentication, WAF blocks and anomaly detections in the window, against the previous one. */
  static final class SecurityEvents extends FixedSection {
    SecurityEvents() {
      super("security_events", List.of(f("failed_auth", "Failed Auth Attempts"), f("waf_blocks", "Blocked Requests (WAF)"),
          f("anomalies", "Anomaly Detections")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Dataset<SecurityEvent> cur = ctx.records(RecordKind.SECURITY_EVENTS, ctx.window());
      Dataset<SecurityEvent> prev = ctx.records(RecordKind.SECURITY_EVENTS, ctx.previousWindow());
      SectionBuilder b = ctx.builder();
      b.field("failed_auth", "Failed Auth Attempts", count(cur, prev, "failed_auth").withHistory(Rows.daily(
          cur.rows().stream().filter(e -> e.type().equals("failed_auth")).toList(), SecurityEvent::timestamp,
          SecurityEvent::count, ctx.window(), ctx.zone())));
      b.field("waf_blocks", "Blocked Requests (WAF)", count(cur, prev, "waf_block"));
      b.field("anomalies", "Anomaly Detections", count(cur, prev, "anomaly"));
      return b.build();
    }

    private static MetricValue count(Dataset<SecurityEvent> cur, Dataset<SecurityEvent> prev, String type) {
      // Totals from SecurityEventTotals; a source that recorded events, none of this type, counts 0 of it.
      long c = SecurityEventTotals.total(cur.rows(), type, cur.provenance().window()).orElse(0);
      long p = SecurityEventTotals.total(prev.rows(), type, prev.provenance().window()).orElse(0);
      return MetricValue.of(c, Unit.COUNT, cur.provenance()).comparedWith(prev.rows().isEmpty() ? null : (double) p,
          Direction.LOWER_IS_BETTER);
    }
  }

  /** ABAC policy coverage and compliance controls passing, latest daily value. */
  static final class SecurityPosture extends FixedSection {
    SecurityPosture() {
      super("security_posture", List.of(f("abac_coverage", "ABAC Policy Coverage"), f("compliance_score", "Compliance Control Status")),
          List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      SectionBuilder b = ctx.builder();
      b.field("abac_coverage", "ABAC Policy Coverage", ratio(ctx, MetricNames.ABAC_COVERAGE));
      b.field("compliance_score", "Compliance Control Status", ratio(ctx, MetricNames.COMPLIANCE_CONTROLS_PASSING).asKpi("compliance_controls"));
      return b.build();
    }
  }

  /** The latest value of a 0..1 gauge in the 35 days before as-of, as a percentage, compared with a week earlier. */
  /** How old the latest reading of a gauge may be. */
  static final Duration READING_AGE = Duration.ofDays(35);

  /**
   * The latest reading of a ratio gauge at the section window's end, in percent, compared with the latest reading
   * at the comparison window's end.
   */
  static MetricValue ratio(SectionContext ctx, String metric) {
    if (!ctx.supportsMetric(metric)) {
      return MetricValue.absent("no source provides " + metric, Unit.PERCENT);
    }
    // Like for like: the reading in force at the end of the section window against the one in force at the end of
    // the comparison window (a month earlier in a monthly pack, not a week).
    Dataset<Series> d = ctx.range(metric, TimeWindow.ending(ctx.window().end(), READING_AGE));
    Double v = Rows.last(d);
    if (v == null) {
      return MetricValue.absent("no " + metric + " value in the 35 days before " + ctx.window().end(), Unit.PERCENT);
    }
    Double before = Rows.last(ctx.range(metric, TimeWindow.ending(ctx.previousWindow().end(), READING_AGE)));
    return MetricValue.of(v * 100, Unit.PERCENT, d.provenance()).comparedWith(before == null ? null : before * 100,
        Direction.HIGHER_IS_BETTER);
  }

  /** Security reviews waiting for a reviewer (latest gauge). */
  static final class PendingReviews extends FixedSection {
    PendingReviews() {
      super("pending_reviews", List.of(f("pending_reviews", "Pending reviews")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      String metric = MetricNames.PENDING_SECURITY_REVIEWS;
      Dataset<Series> d = ctx.range(metric, TimeWindow.ending(ctx.asOf(), Duration.ofDays(35)));
      Double v = Rows.last(d);
      MetricValue value = v == null ? MetricValue.absent("no " + metric + " value in the last 35 days", Unit.COUNT)
          : MetricValue.of(v, Unit.COUNT, Math.round(v) + " security reviews waiting for a reviewer", d.provenance());
      return ctx.builder().field("pending_reviews", "Pending reviews", value)
          .note("The source reports a count only; review titles need a source with review records.").build();
    }
  }

  /** Board summary: open critical/high findings, those past SLA, compliance and ABAC coverage. */
  static final class PostureSummary extends FixedSection {
    PostureSummary() {
      super("security_posture_summary", List.of(f("open_critical_high", "Open Critical/High Vulnerabilities"),
          f("past_sla", "Past Remediation SLA (critical/high)"), f("compliance_score", "Compliance Control Status"),
          f("abac_coverage", "ABAC Policy Coverage")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Instant at = ctx.asOf();
      Dataset<Vulnerability> d = ctx.records(RecordKind.VULNERABILITIES, Rows.history(at));
      Instant before = ctx.previousWindow().end();
      List<String> criticalHigh = List.of("critical", "high");
      List<VulnerabilityStats.OpenFinding> open = VulnerabilityStats.openFindings(d.rows(), criticalHigh, at, SLA);
      List<String> openIds = open.stream().map(f -> f.vulnerability().vulnId()).sorted().toList();
      List<String> lateIds = open.stream().filter(VulnerabilityStats.OpenFinding::pastSla).map(f -> f.vulnerability().vulnId()).sorted().toList();
      long openBefore = VulnerabilityStats.exposure(d.rows(), criticalHigh, before, SLA).open();
      TimeWindow history = Rows.history(at);
      return ctx.builder()
          .field("open_critical_high", "Open Critical/High Vulnerabilities",
              MetricValue.of(openIds.size(), Unit.COUNT, SectionContext.computedOver(d.provenance(), history,
                  "critical and high vulnerabilities open at as-of", openIds.size()))
                  .comparedWith((double) openBefore, Direction.LOWER_IS_BETTER).withEvidence(openIds).asKpi("vulnerabilities_open:critical/high"))
          .field("past_sla", "Past Remediation SLA (critical/high)", MetricValue.of(lateIds.size(), Unit.COUNT,
              SectionContext.computedOver(d.provenance(), history, "critical and high vulnerabilities open at as-of past their remediation SLA",
                  lateIds.size())).withEvidence(lateIds).asKpi("vulnerabilities_past_sla:critical/high"))
          .field("compliance_score", "Compliance Control Status", ratio(ctx, MetricNames.COMPLIANCE_CONTROLS_PASSING).asKpi("compliance_controls"))
          .field("abac_coverage", "ABAC Policy Coverage", ratio(ctx, MetricNames.ABAC_COVERAGE))
          .build();
    }
  }
}
