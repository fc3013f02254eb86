package io.companyos.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.security.RemediationSla;
import io.companyos.scoring.security.VulnerabilityStats;
import io.companyos.sources.Provenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The vulnerability table of {@link VulnerabilityStats#table} over the {@code vulnerabilities} table: per severity the
 * findings open at the window's end, opened and closed in it, and past their remediation SLA. Each severity's allowance
 * is the reference's own {@link RemediationSla#allowedDays}, asked once per severity the table holds.
 */
final class VulnerabilitiesOnSpark {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private VulnerabilitiesOnSpark() {}

  static SparkResult<List<VulnerabilityStats.Row>> table(SparkKpis kpis, TimeWindow window, List<String> severities,
      RemediationSla sla, Instant now) {
    Dataset<Row> v = kpis.tables().table("vulnerabilities");
    Instant at = window.end();
    Column detected = col("detected_at");
    Column resolved = col("resolved_at");
    // The allowance of each severity the table holds, as the reference gives it for that exact spelling.
    Column allowed = lit(Long.MAX_VALUE);
    for (Row r : v.select("severity").distinct().collectAsList()) {
      String s = r.getString(0);
      long micros;
      try {
        micros = Math.multiplyExact((long) sla.allowedDays(s), MICROS_PER_DAY);
      } catch (ArithmeticException e) {
        micros = Long.MAX_VALUE; // an allowance past any age
      }
      allowed = when(col("severity").equalTo(s), lit(micros)).otherwise(allowed);
    }
    Column open = detected.lt(lit(at)).and(resolved.isNull().or(resolved.geq(lit(at))));
    Column past = open.and(functions.unix_micros(lit(at)).minus(functions.unix_micros(detected)).gt(allowed));
    Map<String, Row> bySeverity = new HashMap<>();
    for (Row r : v.groupBy(functions.lower(col("severity")).as("s")).agg(
        sum(when(open, 1L).otherwise(0L)), sum(when(SparkKpis.in(detected, window), 1L).otherwise(0L)),
        sum(when(resolved.isNotNull().and(SparkKpis.in(resolved, window)), 1L).otherwise(0L)),
        sum(when(past, 1L).otherwise(0L))).collectAsList()) {
      bySeverity.put(r.getString(0), r);
    }
    List<VulnerabilityStats.Row> rows = new ArrayList<>();
    for (String s : severities) {
      Row r = bySeverity.get(s.toLowerCase(Locale.ROOT));
      rows.add(r == null ? new VulnerabilityStats.Row(s, 0, 0, 0, 0, sla.allowedDays(s))
          : new VulnerabilityStats.Row(s, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), sla.allowedDays(s)));
    }
    String query = "vulnerabilities per severity: open at the window's end, opened and closed in it, past the remediation "
        + "SLA (" + kpis.tables().describe("vulnerabilities") + ")";
    return new SparkResult<>(rows, Provenance.of("spark", query, window, now), Map.of());
  }
}
