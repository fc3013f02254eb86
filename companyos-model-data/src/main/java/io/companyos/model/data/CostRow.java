package io.companyos.model.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One cost row in FinOps FOCUS form (column names of FOCUS 1.x); money in the billing currency. {@code pricingCategory} is Standard, Committed or Dynamic (spot); {@code commitmentDiscountType} is e.g. Reservation or Savings Plan, null when none. */
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
    Map<String, String> tags) {
  public CostRow {
    tags = Map.copyOf(tags);
  }
}
