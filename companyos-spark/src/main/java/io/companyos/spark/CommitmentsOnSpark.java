package io.companyos.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.CommitmentCoverage;
import io.companyos.scoring.finops.SavingsOpportunities;
import io.companyos.scoring.recommend.CommitmentFigures;
import io.companyos.sources.Provenance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Commitment coverage ({@link CommitmentCoverage}), the savings candidates of {@link SavingsOpportunities} and the
 * figures of the FinOps commitment rules ({@link CommitmentFigures}) over the FOCUS {@code costs} table. Spark sums {@code ListCost} and {@code EffectiveCost} as exact decimals, and the
 * reference's own steps ({@link CommitmentCoverage#ratio}, {@link SavingsOpportunities#committedDiscount(BigDecimal,
 * BigDecimal)}, {@link SavingsOpportunities#onDemandCompute(Map, Map, OptionalDouble, double)},
 * {@link CommitmentFigures#assemble}) divide, so the shares
 * equal the reference's to the bit. The optional FOCUS columns are read as the files source reads them: a missing
 * {@code ListCost} is the {@code EffectiveCost}, a missing {@code ChargeCategory} is usage, the commitment status is
 * matched in any letter case.
 */
final class CommitmentsOnSpark {
  private CommitmentsOnSpark() {}

  static SparkResult<CommitmentCoverage.Shares> coverage(SparkKpis kpis, TimeWindow window, Instant now) {
    Dataset<Row> rows = inWindow(kpis, window);
    Column usage = usage(rows).and(functions.not(coalesce(lower(optional(rows, "CommitmentDiscountStatus"))
        .equalTo("unused"), lit(false))));
    Column compute = coalesce(optional(rows, "ServiceCategory").equalTo(CommitmentCoverage.COMPUTE), lit(false));
    Column type = optional(rows, "CommitmentDiscountType");
    Column list = list(rows);
    Column computeUsage = usage.and(compute);
    Column otherUsage = usage.and(functions.not(compute));
    Row r = rows.agg(sum(when(computeUsage, list)),
        sum(when(computeUsage.and(type.equalTo(CommitmentCoverage.SAVINGS_PLAN)), list)),
        sum(when(otherUsage, list)),
        sum(when(otherUsage.and(type.isin(CommitmentCoverage.RESERVATION, "Reserved Instances")), list)),
        sum(when(computeUsage.and(optional(rows, "PricingCategory").equalTo(CommitmentCoverage.DYNAMIC)), list))).first();
    CommitmentCoverage.Shares shares = new CommitmentCoverage.Shares(
        CommitmentCoverage.ratio(orZero(r.getDecimal(1)), orZero(r.getDecimal(0))),
        CommitmentCoverage.ratio(orZero(r.getDecimal(3)), orZero(r.getDecimal(2))),
        CommitmentCoverage.ratio(orZero(r.getDecimal(4)), orZero(r.getDecimal(0))));
    String query = "ListCost of the window's usage (not credits, adjustments or unused commitments): compute covered by "
        + "savings plans and at Dynamic pricing, other usage covered by reservations (" + kpis.tables().describe("costs")
        + ")";
    return new SparkResult<>(shares, Provenance.of("spark", query, window, now), Map.of());
  }

  static SparkResult<OptionalDouble> committedDiscount(SparkKpis kpis, TimeWindow window, Instant now) {
    Dataset<Row> rows = inWindow(kpis, window);
    return new SparkResult<>(discount(rows), Provenance.of("spark", "1 − EffectiveCost / ListCost of the window's usage "
        + "at Committed pricing (" + kpis.tables().describe("costs") + ")", window, now), Map.of());
  }

  static SparkResult<List<SavingsOpportunities.OnDemandCompute>> onDemandCompute(SparkKpis kpis, TimeWindow window,
      double threshold, Instant now) {
    Dataset<Row> rows = inWindow(kpis, window);
    OptionalDouble discount = discount(rows);
    Map<String, BigDecimal> compute = new HashMap<>();
    Map<String, BigDecimal> onDemand = new HashMap<>();
    if (discount.isPresent() && discount.getAsDouble() > 0) {
      Column effective = Decimals.amount("EffectiveCost");
      for (Row r : rows.where(usage(rows).and(optional(rows, "ServiceCategory").equalTo(CommitmentCoverage.COMPUTE)))
          .groupBy(col("ServiceName")).agg(sum(effective),
              sum(when(optional(rows, "PricingCategory").equalTo("Standard"), effective))).collectAsList()) {
        compute.put(r.getString(0), r.getDecimal(1));
        if (!r.isNullAt(2)) {
          onDemand.put(r.getString(0), r.getDecimal(2));
        }
      }
    }
    List<SavingsOpportunities.OnDemandCompute> out = SavingsOpportunities.onDemandCompute(compute, onDemand, discount,
        threshold);
    String query = "EffectiveCost of the window's compute usage per service and of it at Standard pricing, priced at the "
        + "committed discount (" + kpis.tables().describe("costs") + ")";
    return new SparkResult<>(out, Provenance.of("spark", query, window, now).withRowCount(out.size()), Map.of());
  }

  static SparkResult<CommitmentFigures.Figures> figures(SparkKpis kpis, TimeWindow window, Instant now) {
    Dataset<Row> rows = inWindow(kpis, window);
    Column status = lower(optional(rows, "CommitmentDiscountStatus"));
    Column unused = coalesce(status.equalTo("unused"), lit(false));
    Column type = optional(rows, "CommitmentDiscountType");
    Column pricing = optional(rows, "PricingCategory");
    Column usage = usage(rows).and(functions.not(coalesce(lower(optional(rows, "ChargeCategory")).isin("tax", "purchase"),
        lit(false))));
    Column covered = type.isNotNull().or(coalesce(pricing.equalTo("Committed"), lit(false)));
    Column eligible = usage.and(functions.not(unused)).and(covered.or(coalesce(pricing.equalTo("Standard"), lit(false))));
    Column effective = Decimals.amount("EffectiveCost");
    Row r = rows.agg(sum(when(eligible, list(rows))), sum(when(eligible.and(covered), list(rows))),
        sum(when(eligible.and(covered), effective))).first();
    Map<String, CommitmentFigures.Use> byType = new HashMap<>();
    for (Row t : rows.where(usage.and(status.isNotNull()))
        .groupBy(coalesce(type, lit(CommitmentFigures.UNNAMED_TYPE))).agg(sum(when(functions.not(unused), effective)),
            sum(when(unused, effective))).collectAsList()) {
      byType.put(t.getString(0), new CommitmentFigures.Use(orZero(t.getDecimal(1)), orZero(t.getDecimal(2))));
    }
    CommitmentFigures.Figures figures = CommitmentFigures.assemble(orZero(r.getDecimal(0)), orZero(r.getDecimal(1)),
        orZero(r.getDecimal(2)), byType);
    String query = "ListCost of the window's usage (not credits, adjustments, taxes, purchases or unused commitments) at "
        + "Standard or Committed pricing or under a commitment, and of it the committed part with its EffectiveCost; "
        + "EffectiveCost per commitment type by CommitmentDiscountStatus (" + kpis.tables().describe("costs") + ")";
    return new SparkResult<>(figures, Provenance.of("spark", query, window, now), Map.of());
  }

  private static OptionalDouble discount(Dataset<Row> rows) {
    Column committed = usage(rows).and(coalesce(optional(rows, "PricingCategory").equalTo("Committed"), lit(false)));
    Row r = rows.agg(sum(when(committed, list(rows))), sum(when(committed, Decimals.amount("EffectiveCost")))).first();
    return SavingsOpportunities.committedDiscount(orZero(r.getDecimal(0)), orZero(r.getDecimal(1)));
  }

  private static Dataset<Row> inWindow(SparkKpis kpis, TimeWindow window) {
    Dataset<Row> costs = kpis.tables().table("costs");
    return costs.where(SparkKpis.placedIn(costs, "ChargePeriodStart", window));
  }

  /** Not a credit or an adjustment (any letter case); a row without a charge category is usage. */
  private static Column usage(Dataset<Row> rows) {
    return functions.not(coalesce(lower(optional(rows, "ChargeCategory")).isin("credit", "adjustment"), lit(false)));
  }

  /** ListCost, or EffectiveCost where it has none, as a wide decimal. */
  private static Column list(Dataset<Row> rows) {
    Column effective = Decimals.amount("EffectiveCost");
    return Arrays.asList(rows.columns()).contains("ListCost") ? coalesce(Decimals.amount("ListCost"), effective) : effective;
  }

  /** A text column, or null in every row when the table has no such column. */
  private static Column optional(Dataset<Row> rows, String name) {
    return Arrays.asList(rows.columns()).contains(name) ? col(name).cast("string") : lit(null).cast("string");
  }

  private static BigDecimal orZero(BigDecimal sum) {
    return sum == null ? BigDecimal.ZERO : sum;
  }
}
