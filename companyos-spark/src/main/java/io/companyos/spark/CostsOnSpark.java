package io.companyos.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.anomaly.RobustZScoreDetector;
import io.companyos.scoring.finops.CostBreakdown;
import io.companyos.scoring.finops.SavingsOpportunities;
import io.companyos.sources.Provenance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Cost by service or by tag ({@link CostBreakdown}) over the FOCUS {@code costs} table. Sums are exact decimals, and each
 * is given the scale the reference's {@code BigDecimal} sum has (the largest scale of the amounts summed), so the
 * groups are equal to the reference's, not only numerically equal.
 */
final class CostsOnSpark {
  private CostsOnSpark() {}

  static SparkResult<BigDecimal> total(SparkKpis kpis, TimeWindow window, Instant now) {
    Dataset<Row> rows = inWindow(kpis, window);
    // The sum, its scale and the row count of the provenance in one aggregation (one scan).
    Row r = rows.agg(sum(Decimals.amount("EffectiveCost")), max(Decimals.scale(rows, "EffectiveCost")), count(lit(1)))
        .first();
    BigDecimal total = r.isNullAt(0) ? BigDecimal.ZERO : r.getDecimal(0).setScale(r.getInt(1), RoundingMode.UNNECESSARY);
    String query = "effective cost: sum of EffectiveCost of the rows whose ChargePeriodStart lies in the window ("
        + kpis.tables().describe("costs") + ")";
    return new SparkResult<>(total, Provenance.of("spark", query, window, now).withRowCount(r.getLong(2)), Map.of());
  }

  static SparkResult<List<CostBreakdown.Group>> groups(SparkKpis kpis, TimeWindow window, TimeWindow previous,
      SparkKpis.CostKey key, Instant now) {
    Dataset<Row> current = inWindow(kpis, window);
    Column group = key.tag() == null ? col("ServiceName")
        : coalesce(element_at(col("Tags"), lit(key.tag())), lit("(untagged)"));
    List<CostBreakdown.Group> groups = CostBreakdown.groups(sums(current, group), sums(inWindow(kpis, previous), group),
        sums(current, lit("all")).getOrDefault("all", BigDecimal.ZERO));
    String query = "effective cost by " + key + " in the window and the one before, shares of the window's total ("
        + kpis.tables().describe("costs") + ")";
    return new SparkResult<>(groups, Provenance.of("spark", query, window, now).withRowCount(groups.size()), Map.of());
  }

  static SparkResult<List<SavingsOpportunities.CostOutlier>> outliers(SparkKpis kpis, TimeWindow history, ZoneId zone,
      LocalDate from, RobustZScoreDetector detector, Instant now) {
    Dataset<Row> rows = inWindow(kpis, history);
    // The calendar day of a row: how many of the zone's midnights (DST-aware) after the first day lie at or before it.
    LocalDate first = history.start().atZone(zone).toLocalDate();
    LocalDate last = history.end().minusNanos(1).atZone(zone).toLocalDate();
    List<Column> midnights = new ArrayList<>();
    for (LocalDate d = first.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
      midnights.add(lit(d.atStartOfDay(zone).toInstant()));
    }
    Column t = col("ChargePeriodStart");
    Column day = midnights.isEmpty() ? lit(0)
        : functions.size(functions.filter(functions.array(midnights.toArray(new Column[0])), m -> m.leq(t)));
    Column usage = functions.not(coalesce(functions.lower(col("ChargeCategory")).isin("credit", "adjustment"), lit(false)));
    Map<String, Map<LocalDate, BigDecimal>> daily = new TreeMap<>();
    for (Row r : rows.where(usage).groupBy(col("ServiceName"), day.as("day"))
        .agg(sum(Decimals.amount("EffectiveCost"))).collectAsList()) {
      daily.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(first.plusDays(r.getInt(1)), r.getDecimal(2));
    }
    List<SavingsOpportunities.CostOutlier> out = SavingsOpportunities.outliers(daily, from, detector);
    String query = "effective cost per service and " + zone + " day of the usage rows, each day scored against the days "
        + "before it, from " + from + " (" + kpis.tables().describe("costs") + ")";
    return new SparkResult<>(out, Provenance.of("spark", query, history, now).withRowCount(out.size()), Map.of());
  }

  private static Dataset<Row> inWindow(SparkKpis kpis, TimeWindow window) {
    Dataset<Row> costs = kpis.tables().table("costs");
    return costs.where(SparkKpis.placedIn(costs, "ChargePeriodStart", window));
  }

  /** Group → exact sum of EffectiveCost at the largest scale among its amounts, as a {@code BigDecimal} sum has. */
  private static Map<String, BigDecimal> sums(Dataset<Row> rows, Column group) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Row r : rows.groupBy(group.as("g")).agg(sum(Decimals.amount("EffectiveCost")),
        max(Decimals.scale(rows, "EffectiveCost"))).collectAsList()) {
      out.put(r.getString(0), r.getDecimal(1).setScale(r.getInt(2), RoundingMode.UNNECESSARY));
    }
    return out;
  }
}
