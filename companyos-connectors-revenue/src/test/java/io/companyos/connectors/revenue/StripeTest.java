package io.companyos.connectors.revenue;

import static io.companyos.connectors.revenue.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Stripe lists give the accounts and ARR movements docs/connectors.md's rule says, worked out by hand. */
class StripeTest {
  private final RevenueExportsSource source = Fixtures.stripe(Map.of());

  @Test
  void movementsAreTheChangesBetweenConsecutiveStatesOfEachCustomer() {
    List<ArrMovement> m = Fixtures.rows(source, RecordKind.ARR_MOVEMENTS);
    assertThat(m).extracting(ArrMovement::date, ArrMovement::accountId, ArrMovement::kind, ArrMovement::amount).containsExactly(
        // sub_D1: $2,000 a month × 12.
        tuple(t("2025-01-10T00:00:00Z"), "cus_D", "new", new BigDecimal("24000.00")),
        // sub_B: $24,000 a year, no invoice read: from its start_date.
        tuple(t("2025-03-15T00:00:00Z"), "cus_B", "new", new BigDecimal("24000.00")),
        // sub_A from its invoices: 2 × $500 a month from the first period.
        tuple(t("2025-06-01T00:00:00Z"), "cus_A", "new", new BigDecimal("12000.00")),
        // sub_G: $300 a month; its metered item is no recurring revenue.
        tuple(t("2026-02-01T00:00:00Z"), "cus_G", "new", new BigDecimal("3600.00")),
        // sub_A's August invoice bills 3 seats: $1,500 a month, $18,000 a year (the July proration is left out).
        tuple(t("2026-08-01T00:00:00Z"), "cus_A", "expansion", new BigDecimal("6000.00")),
        // sub_C: $100 a week × 52 less a 10 % forever coupon = $4,680.
        tuple(t("2026-10-05T00:00:00Z"), "cus_C", "new", new BigDecimal("4680.00")),
        // cus_D moves from sub_D1 ($24,000) to sub_D2 ($3,600 a quarter, $14,400 a year) at the same instant: one contraction.
        tuple(t("2026-10-20T00:00:00Z"), "cus_D", "contraction", new BigDecimal("9600.00")),
        // sub_B ended.
        tuple(t("2026-11-02T00:00:00Z"), "cus_B", "churn", new BigDecimal("24000.00")));
  }

  @Test
  void accountsHoldTheirARRNowNamedAfterTheCustomer() {
    List<Account> a = Fixtures.rows(source, RecordKind.ACCOUNTS);
    assertThat(a).extracting(Account::accountId, Account::name, Account::segment, Account::arr, Account::since).containsExactly(
        tuple("cus_D", "Hooli", "", new BigDecimal("14400.00"), t("2025-01-10T00:00:00Z")),
        tuple("cus_B", "Initech", "", new BigDecimal("0.00"), t("2025-03-15T00:00:00Z")),
        tuple("cus_A", "Globex", "", new BigDecimal("18000.00"), t("2025-06-01T00:00:00Z")),
        tuple("cus_G", "Pied Piper", "", new BigDecimal("3600.00"), t("2026-02-01T00:00:00Z")),
        tuple("cus_C", "Umbrella", "", new BigDecimal("4680.00"), t("2026-10-05T00:00:00Z")));
  }

  @Test
  void theProvenanceNamesEachListAndWhatWasLeftOut() {
    Dataset<ArrMovement> ds = source.records(RecordKind.ARR_MOVEMENTS, Fixtures.ALL);
    assertThat(ds.provenance().query()).isEqualTo("customers.json (Stripe customers), invoices.json (Stripe invoices), "
        + "subscriptions-page-1.json (Stripe subscriptions), subscriptions-page-2.json (Stripe subscriptions); amounts in USD; "
        + "1 subscription that never paid (trialing, incomplete, paused, without paid invoices) left out; "
        + "1 draft, void or uncollectible invoice left out; 1 proration line left out; "
        + "1 invoice line not for a licensed recurring price left out; "
        + "1 subscription with discounts not expanded: not applied; 1 subscription with metered items: those items left out");
  }

  @Test
  void aSavedListWhoseLastPageIsMissingIsNoted() {
    RevenueExportsSource s = Fixtures.source(Fixtures.DIR.resolve("stripe/subscriptions-page-1.json"), "strict", Map.of());
    assertThat(s.records(RecordKind.ACCOUNTS, Fixtures.ALL).provenance().query())
        .endsWith("every saved subscriptions page says has_more: true (later pages missing)");
  }
}
