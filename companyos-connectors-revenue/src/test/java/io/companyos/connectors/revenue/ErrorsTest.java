package io.companyos.connectors.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceConfigException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad Stripe exports fail located ({@code file:line:col: COS-STRIPE-00n}); lenient mode skips and counts them. */
class ErrorsTest {
  @TempDir Path dir;

  private RevenueExportException fail(String name, String text, Map<String, String> options) throws IOException {
    Files.writeString(dir.resolve(name), text);
    RevenueExportsSource s = Fixtures.source(dir, "strict", options);
    return (RevenueExportException) catchThrowable(() -> s.records(RecordKind.ARR_MOVEMENTS, Fixtures.ALL));
  }

  private RevenueExportException fail(String name, String text) throws IOException {
    return fail(name, text, Map.of());
  }

  static String sub(String id, String currency, String status, String price) {
    return "{\"id\": \"" + id + "\", \"object\": \"subscription\", \"customer\": \"cus_" + id + "\", \"status\": \"" + status
        + "\", \"currency\": \"" + currency + "\", \"created\": 1791158400, \"items\": {\"object\": \"list\", \"data\": [{\"quantity\": 2, "
        + "\"price\": " + price + "}]}}";
  }

  static final String MONTHLY = "{\"id\": \"price_1\", \"unit_amount\": 1000, \"recurring\": {\"interval\": \"month\"}}";

  @Test
  void malformedJsonIsLocatedAtTheParserPosition() throws IOException {
    RevenueExportException e = fail("subs.json", "{\"object\": \"list\",\n  \"data\": [\n    {\"id\": \"sub_1\" \"x\"}]}");
    assertThat(e.code()).isEqualTo("COS-STRIPE-001");
    assertThat(e.location()).isEqualTo("subs.json:3:20");
  }

  @Test
  void aListOfOtherObjectsNamesTheListsRead() throws IOException {
    RevenueExportException e = fail("charges.json", "{\"object\": \"list\", \"data\": [\n  {\"id\": \"ch_1\", \"object\": \"charge\"}]}");
    assertThat(e.code()).isEqualTo("COS-STRIPE-002");
    assertThat(e.location()).isEqualTo("charges.json:2:3");
    assertThat(e.getMessage()).contains("a Stripe list (or one object) of subscriptions, invoices or customers");
  }

  @Test
  void anUnknownSubscriptionStatusIsLocatedAtItsValue() throws IOException {
    RevenueExportException e = fail("subs.json", "{\"object\": \"list\", \"data\": [\n" + sub("s1", "usd", "on_hold", MONTHLY) + "]}");
    assertThat(e.code()).isEqualTo("COS-STRIPE-004");
    assertThat(e.location()).isEqualTo("subs.json:2:72");
    assertThat(e.getMessage()).isEqualTo("subscription s1: status 'on_hold' is none of incomplete, incomplete_expired, trialing, active, "
        + "past_due, canceled, unpaid, paused");
  }

  @Test
  void anUnknownIntervalIsInvalid() throws IOException {
    RevenueExportException e = fail("subs.json", "[" + sub("s1", "usd", "active",
        "{\"id\": \"price_1\", \"unit_amount\": 1000, \"recurring\": {\"interval\": \"fortnight\"}}") + "]");
    assertThat(e.code()).isEqualTo("COS-STRIPE-004");
    assertThat(e.getMessage()).isEqualTo("subscription s1, price price_1: interval 'fortnight' is none of day, week, month, year");
  }

  @Test
  void aTimeThatIsNotUnixSecondsIsRefused() throws IOException {
    RevenueExportException e = fail("subs.json", "[" + sub("s1", "usd", "active", MONTHLY).replace("1791158400", "\"2026-10-05\"") + "]");
    assertThat(e.code()).isEqualTo("COS-STRIPE-003");
    assertThat(e.getMessage()).isEqualTo("created is text, not a Unix time");
  }

  @Test
  void severalCurrenciesAreRefusedUnlessOneIsNamed() throws IOException {
    String text = "{\"object\": \"list\", \"data\": [\n" + sub("s1", "usd", "active", MONTHLY) + ",\n" + sub("s2", "eur", "active", MONTHLY) + "]}";
    RevenueExportException e = fail("subs.json", text);
    assertThat(e.code()).isEqualTo("COS-STRIPE-005");
    assertThat(e.location()).isEqualTo("subs.json:3:1");
    assertThat(e.getMessage()).isEqualTo("subscription s2 is in EUR, subscription s1 (subs.json:2:1) in USD; ARR is summed in one currency");
    assertThat(e.hint()).startsWith("name the currency to read with the option currency (e.g. 'currency: usd')");
    RevenueExportsSource eur = Fixtures.source(dir, "strict", Map.of("currency", "EUR"));
    Dataset<Account> accounts = eur.records(RecordKind.ACCOUNTS, Fixtures.ALL);
    // 2 × 10.00 EUR a month = 240.00 a year.
    assertThat(accounts.rows()).extracting(Account::accountId, Account::arr).containsExactly(
        org.assertj.core.groups.Tuple.tuple("cus_s2", new BigDecimal("240.00")));
    assertThat(accounts.provenance().query()).isEqualTo("subs.json (Stripe subscriptions); amounts in EUR; "
        + "1 subscription and 0 invoices in other currencies than eur left out");
  }

  @Test
  void zeroAndThreeDecimalCurrenciesUseTheirExponent() throws IOException {
    Files.writeString(dir.resolve("jpy.json"), "[" + sub("s1", "jpy", "active", MONTHLY) + "]");
    assertThat(Fixtures.source(dir, "strict", Map.of()).records(RecordKind.ACCOUNTS, Fixtures.ALL).rows())
        .extracting(Account::arr).containsExactly(new BigDecimal("24000.00")); // 2 × ¥1000 × 12
    Files.writeString(dir.resolve("jpy.json"), "[" + sub("s1", "kwd", "active", MONTHLY) + "]");
    assertThat(Fixtures.source(dir, "strict", Map.of()).records(RecordKind.ACCOUNTS, Fixtures.ALL).rows())
        .extracting(Account::arr).containsExactly(new BigDecimal("24.000")); // 2 × 1.000 KWD × 12
  }

  @Test
  void anInvoiceLineWhosePriceIsUnknownIsLocated() throws IOException {
    RevenueExportException e = fail("invoices.json", "[{\"id\": \"in_1\", \"object\": \"invoice\", \"customer\": \"cus_1\", \"status\": \"paid\",\n"
        + " \"currency\": \"usd\", \"created\": 1791158400, \"lines\": {\"data\": [\n"
        + "  {\"id\": \"il_1\", \"amount\": 1000, \"period\": {\"start\": 1791158400}, \"pricing\": {\"price_details\": {\"price\": \"price_9\"}},"
        + " \"parent\": {\"type\": \"subscription_item_details\", \"subscription_item_details\": {\"subscription\": \"sub_1\"}}}]}}]");
    assertThat(e.code()).isEqualTo("COS-STRIPE-003");
    assertThat(e.location()).isEqualTo("invoices.json:3:3");
    assertThat(e.getMessage()).isEqualTo("invoice in_1: price price_9 of a line is neither expanded nor the price of a subscription read");
  }

  @Test
  void lenientModeSkipsTheBadEntryAndCountsIt() throws IOException {
    Files.writeString(dir.resolve("subs.json"), "{\"object\": \"list\", \"has_more\": false, \"data\": [\n" + sub("s1", "usd", "active", MONTHLY)
        + ",\n" + sub("s2", "usd", "frozen", MONTHLY) + "]}");
    Files.writeString(dir.resolve("truncated.json"), "{\"object\": \"list\", \"data\": [");
    RevenueExportsSource s = Fixtures.source(dir, "lenient", Map.of());
    Dataset<ArrMovement> ds = s.records(RecordKind.ARR_MOVEMENTS, Fixtures.ALL);
    assertThat(ds.rows()).extracting(ArrMovement::accountId, ArrMovement::kind, ArrMovement::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cus_s1", "new", new BigDecimal("240.00")));
    assertThat(ds.provenance().query()).isEqualTo("subs.json (Stripe subscriptions), truncated.json (not read); amounts in USD; 2 bad entries skipped");
    assertThat(s.skipped()).extracting(SkippedInput::code).containsExactly("COS-STRIPE-004", "COS-STRIPE-001");
  }

  @Test
  void badOptionsAreConfigurationErrors() {
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("currency", "dollars")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("currency 'dollars' is not an ISO 4217 code");
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("api_key", "x")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("unknown option 'api_key'");
  }
}
