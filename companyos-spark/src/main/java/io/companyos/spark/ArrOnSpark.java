package io.companyos.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.ArrMetrics;
import io.companyos.sources.Provenance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * ARR and retention ({@link ArrMetrics#compute}) over the {@code accounts} and {@code arr_movements} tables. Each
 * account's ARR at the window's start and end is its ARR now less the movements after that instant (up to the as-of),
 * summed per account as exact decimals together with the largest scale among its terms; the cohort (accounts above 0 at
 * the start), its expansion and losses, and the window's movements per kind are summed on Spark, and
 * {@link ArrMetrics#assemble} gives net new ARR, NRR, GRR and logo retention, so they equal the reference's.
 */
final class ArrOnSpark {
  private static final List<String> KINDS = List.of("new", "expansion", "contraction", "churn");

  private ArrOnSpark() {}

  static SparkResult<ArrMetrics.Result> compute(SparkKpis kpis, TimeWindow window, Instant asOf, Instant now) {
    Dataset<Row> accounts = kpis.tables().table("accounts");
    Dataset<Row> movements = kpis.tables().table("arr_movements");
    Row twice = accounts.groupBy(col("account_id")).count().where(col("count").gt(1)).limit(1).collectAsList().stream()
        .findFirst().orElse(null);
    if (twice != null) {
      throw new IllegalArgumentException("account " + twice.getString(0) + " is listed " + twice.getLong(1)
          + " times in the accounts table; ARR needs one row per account");
    }
    Dataset<Row> known = movements.where(col("date").leq(lit(asOf)));
    Column inWindow = SparkKpis.in(col("date"), window);
    Row unknown = known.where(inWindow.and(functions.not(col("kind").isin(KINDS.toArray()))))
        .select(col("kind")).orderBy(col("kind")).limit(1).collectAsList().stream().findFirst().orElse(null);
    if (unknown != null) {
      throw new IllegalArgumentException("unknown ARR movement kind '" + unknown.getString(0) + "'");
    }
    // Each term of an account's ARR at an instant: its ARR now, and minus each movement after the instant (new and
    // expansion had added, contraction and churn had taken away).
    Column up = col("kind").isin("new", "expansion");
    Dataset<Row> terms = accounts.select(col("account_id").as("a"), lit(null).cast("string").as("kind"),
            Decimals.amount("arr").as("v"), Decimals.scale(accounts, "arr").as("sc"), lit(true).as("afterStart"),
            lit(true).as("afterEnd"), lit(false).as("inWindow"))
        .unionByName(known.select(col("account_id").as("a"), col("kind"),
            when(up, functions.negate(Decimals.amount("amount"))).otherwise(Decimals.amount("amount")).as("v"),
            Decimals.scale(movements, "amount").as("sc"), col("date").geq(lit(window.start())).as("afterStart"),
            col("date").geq(lit(window.end())).as("afterEnd"), inWindow.as("inWindow")));
    Column windowAmount = when(up, functions.negate(col("v"))).otherwise(col("v")); // the movement's amount again
    Dataset<Row> perAccount = terms.groupBy(col("a")).agg(
        sum(when(col("afterStart"), col("v"))).as("start"), max(when(col("afterStart"), col("sc"))).as("startScale"),
        sum(when(col("afterEnd"), col("v"))).as("end"), max(when(col("afterEnd"), col("sc"))).as("endScale"),
        sum(when(col("inWindow").and(col("kind").equalTo("expansion")), windowAmount)).as("expansion"),
        sum(when(col("inWindow").and(col("kind").isin("contraction", "churn")), windowAmount)).as("losses"));
    Column cohort = col("start").gt(0);
    Column paying = col("end").gt(0);
    Row r = perAccount.agg(sum(when(cohort, col("start"))), max(when(cohort, col("startScale"))),
        sum(when(paying, col("end"))), max(when(paying, col("endScale"))),
        sum(when(cohort, col("expansion"))), sum(when(cohort, col("losses"))),
        count(when(cohort, lit(1))), count(when(cohort.and(paying), lit(1)))).first();
    Map<String, BigDecimal> byKind = new HashMap<>();
    for (Row k : known.where(inWindow).groupBy(col("kind")).agg(sum(Decimals.amount("amount")),
        max(Decimals.scale(movements, "amount"))).collectAsList()) {
      byKind.put(k.getString(0), Decimals.exact(k.getDecimal(1), k.get(2)));
    }
    ArrMetrics.Result result = ArrMetrics.assemble(Decimals.exact(r.getDecimal(0), r.get(1)),
        Decimals.exact(r.getDecimal(2), r.get(3)), kind(byKind, "new"), kind(byKind, "expansion"),
        kind(byKind, "contraction"), kind(byKind, "churn"), orZero(r.getDecimal(4)), orZero(r.getDecimal(5)), r.getLong(6),
        r.getLong(7));
    String query = "ARR of each account at the window's start and end (its ARR now less the movements after, up to "
        + asOf + "), the window's movements by kind, retention of the accounts paying at the start ("
        + kpis.tables().describe("accounts") + ", " + kpis.tables().describe("arr_movements") + ")";
    return new SparkResult<>(result, Provenance.of("spark", query, window, now), Map.of());
  }

  private static BigDecimal kind(Map<String, BigDecimal> byKind, String kind) {
    return byKind.getOrDefault(kind, BigDecimal.ZERO);
  }

  /** A sum whose scale does not matter (only its value is used): zero when null. */
  private static BigDecimal orZero(BigDecimal s) {
    return s == null ? BigDecimal.ZERO : s;
  }
}
