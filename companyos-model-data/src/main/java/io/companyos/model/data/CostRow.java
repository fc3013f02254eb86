package io.companyos.model.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One cost row in FinOps FOCUS form (column names of FOCUS 1.x); money in the billing currency. {@code pricingCategory}
 * is Standard, Committed or Dynamic (spot); {@code commitmentDiscountType} is e.g. Reservation or Savings Plan, null when
 * none; {@code commitmentDiscountStatus} is FOCUS {@code CommitmentDiscountStatus}, {@link #USED} or {@link #UNUSED} (the
 * part of a commitment's cost that no usage consumed), null when the row is not under a commitment or the export does not
 * say.
 */
public record CostRow(
    Instant chargePeriodStart,
    Instant chargePeriodEnd,
    BigDecimal billedCost,
    BigDecimal effectiveCost,
    BigDecimal listCost,
    String serviceName,
    String serviceCategory,
    String providerName,
    String chargeCategory,
    @Nullable String pricingCategory,
    @Nullable String commitmentDiscountType,
    @Nullable String commitmentDiscountStatus,
    Map<String, String> tags) {
  /** FOCUS {@code CommitmentDiscountStatus} of usage a commitment covered. */
  public static final String USED = "Used";
  /** FOCUS {@code CommitmentDiscountStatus} of the part of a commitment no usage consumed. */
  public static final String UNUSED = "Unused";

  public CostRow {
    tags = Map.copyOf(tags);
  }

  /** A row without {@code CommitmentDiscountStatus} (the form before it was read). */
  public CostRow(Instant chargePeriodStart, Instant chargePeriodEnd, BigDecimal billedCost, BigDecimal effectiveCost,
      BigDecimal listCost, String serviceName, String serviceCategory, String providerName, String chargeCategory,
      @Nullable String pricingCategory, @Nullable String commitmentDiscountType, Map<String, String> tags) {
    this(chargePeriodStart, chargePeriodEnd, billedCost, effectiveCost, listCost, serviceName, serviceCategory, providerName,
        chargeCategory, pricingCategory, commitmentDiscountType, null, tags);
  }
}
