package io.companyos.connectors.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whatever bytes a Stripe export holds, reading it gives accounts and ARR movements whose sums agree, or a
 * {@link RevenueExportException} located in that file with a {@code COS-STRIPE} code (strict; several currencies in
 * either mode), or the file listed as skipped with its location (lenient); never another exception. The last byte picks
 * the file name and the mode, the rest is the file. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/connectors/revenue/RevenueExportsFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class RevenueExportsFuzzTest {
  private static final String[] NAMES = {"subscriptions.json", "invoices.json"};
  private static final TimeWindow EVER = new TimeWindow(Instant.MIN, Instant.MAX);

  @FuzzTest(maxDuration = "3m")
  void anyExportGivesMovementsOrALocatedError(FuzzedDataProvider data) throws IOException {
    int pick = data.consumeInt(0, 2 * NAMES.length - 1);
    String name = NAMES[pick % NAMES.length];
    boolean strict = pick >= NAMES.length;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Files.write(dir.resolve(name), bytes);
      RevenueExportsSource source = Fixtures.source(dir, strict ? "strict" : "lenient", Map.of());
      try {
        List<ArrMovement> movements = source.records(RecordKind.ARR_MOVEMENTS, EVER).rows();
        List<Account> accounts = source.records(RecordKind.ACCOUNTS, EVER).rows();
        // Each account's ARR is the sum of its movements: new and expansion add, contraction and churn subtract.
        Map<String, BigDecimal> sums = new HashMap<>();
        for (ArrMovement m : movements) {
          assertThat(m.amount().signum()).isPositive();
          assertThat(m.kind()).isIn("new", "expansion", "contraction", "churn");
          sums.merge(m.accountId(), m.kind().equals("new") || m.kind().equals("expansion") ? m.amount() : m.amount().negate(), BigDecimal::add);
        }
        assertThat(accounts).allSatisfy(a -> {
          assertThat(a.arr().signum()).isNotNegative();
          assertThat(a.arr()).isEqualByComparingTo(sums.get(a.accountId()));
        });
        assertThat(source.skipped()).allSatisfy(s -> {
          assertThat(s.file()).isEqualTo(name);
          assertThat(s.code()).startsWith("COS-STRIPE-");
          assertThat(s.line()).isNotNegative();
        });
      } catch (RevenueExportException e) {
        assertThat(strict || e.code().equals(RevenueExportException.CURRENCIES)).as(e.oneLine()).isTrue();
        assertThat(e.code()).startsWith("COS-STRIPE-");
        assertThat(e.location()).as(e.oneLine()).startsWith(name);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }
}
