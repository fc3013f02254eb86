package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.ArrMetrics;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seven accounts and thirteen ARR movements with the ARR figures of the week [2026-11-01, 2026-11-08) worked out by
 * hand; Spark (from the rows as {@code accounts.csv} and {@code arr_movements.csv}) and the Java reference must both give
 * them, sums to the decimal's scale.
 */
class ArrHandMadeTest {
  static final TimeWindow WEEK = DoraHandMadeTest.WEEK;
  /** The accounts' ARR is as of two days after the week. */
  static final Instant AS_OF = t("2026-11-10T00:00:00Z");

  /** account_id, arr now. */
  static final String[][] ACCOUNTS = {
    {"acme", "1200.50"},
    {"beta", "0"}, // churned in the week
    {"gamma", "3000"},
    {"delta", "500.5"}, // new in the week
    {"eps", "800"}, // expanded after the week
    {"zeta", "0"}, // churned before the week
    {"eta", "2000.25"},
  };

  /** date, account_id, kind, amount. */
  static final String[][] MOVEMENTS = {
    {"2025-06-01T00:00:00Z", "acme", "new", "1000.50"}, // before the week and the year before it
    {"2026-11-03T00:00:00Z", "acme", "expansion", "200"},
    {"2026-11-05T00:00:00Z", "beta", "churn", "700.00"},
    {"2026-10-15T00:00:00Z", "beta", "new", "700.00"},
    {"2026-11-08T00:00:00Z", "gamma", "expansion", "1000"}, // on the week's end: after it
    {"2026-11-02T00:00:00Z", "delta", "new", "500.5"},
    {"2026-11-09T00:00:00Z", "eps", "expansion", "300"}, // after the week, before the as-of
    {"2026-11-11T00:00:00Z", "eps", "contraction", "100"}, // after the as-of: ignored
    {"2026-10-20T00:00:00Z", "zeta", "churn", "400"},
    {"2026-11-01T00:00:00Z", "eta", "contraction", "99.75"}, // on the week's start: in it
    {"2026-11-06T00:00:00Z", "gamma", "contraction", "250"},
    {"2026-11-04T00:00:00Z", "omega", "new", "50"}, // an account not in the accounts table
    {"2026-11-07T23:00:00Z", "acme", "contraction", "0.25"},
  };

  static List<Account> accounts;
  static List<ArrMovement> movements;
  static SparkKpis spark;

  @BeforeAll
  static void tables(@TempDir Path dir) throws IOException {
    writeCsv(dir);
    spark = CsvTables.kpis(dir);
  }

  /** Writes {@code accounts.csv} and {@code arr_movements.csv} into {@code dir} and keeps the same records. */
  static void writeCsv(Path dir) throws IOException {
    accounts = new ArrayList<>();
    for (String[] a : ACCOUNTS) {
      accounts.add(new Account(a[0], "Customer " + a[0], "smb", new BigDecimal(a[1]), t("2025-01-01T00:00:00Z")));
    }
    CsvTables.write(dir, "accounts", "account_id,name,segment,arr,since", accounts,
        a -> List.of(a.accountId(), a.name(), a.segment(), a.arr().toPlainString(), a.since()));
    movements = new ArrayList<>();
    for (String[] m : MOVEMENTS) {
      movements.add(new ArrMovement(t(m[0]), m[1], m[2], new BigDecimal(m[3])));
    }
    CsvTables.write(dir, "arr_movements", "date,account_id,kind,amount", MOVEMENTS);
  }

  @Test
  void theWeeksArrAndRetention() {
    // ARR at the start = ARR now less the movements from the start to the as-of (new and expansion subtracted,
    // contraction and churn added back):
    //   acme  1200.50 − 200 + 0.25 = 1000.75    beta 0 + 700.00 = 700.00    gamma 3000 − 1000 + 250 = 2250
    //   delta 500.5 − 500.5 = 0.0 (out)          eps 800 − 300 = 500         zeta 0 (out)
    //   eta   2000.25 + 99.75 = 2100.00          omega −50 (out)
    // The cohort: acme, beta, gamma, eps, eta; 1000.75 + 700.00 + 2250 + 500 + 2100.00 = 6550.75.
    // ARR at the end (movements from the end to the as-of: gamma's 1000 on the end, eps' 300):
    //   acme 1200.50, beta 0, gamma 2000, delta 500.5, eps 500, zeta 0, eta 2000.25 → 6201.25.
    // In the week: new 500.5 + 50 = 550.5; expansion 200; contraction 99.75 + 250 + 0.25 = 350.00; churn 700.00;
    // net new 550.5 + 200 − 350.00 − 700.00 = −299.50.
    // The cohort's expansion 200 (acme), losses 0.25 + 700.00 + 250 + 99.75 = 1050.00:
    // NRR = (6550.75 + 200 − 1050.00) / 6550.75 × 100, GRR = (6550.75 − 1050.00) / 6550.75 × 100;
    // logos: acme, gamma, eps, eta of the five still pay → 80 %.
    ArrMetrics.Result want = new ArrMetrics.Result(new BigDecimal("6550.75"), new BigDecimal("6201.25"),
        new BigDecimal("550.5"), new BigDecimal("200"), new BigDecimal("350.00"), new BigDecimal("700.00"),
        new BigDecimal("-299.50"), OptionalDouble.of(5700.75 / 6550.75 * 100), OptionalDouble.of(5500.75 / 6550.75 * 100),
        OptionalDouble.of(80.0));
    assertThat(ArrMetrics.compute(accounts, movements, WEEK, AS_OF)).isEqualTo(want);
    assertThat(spark.arr(WEEK, AS_OF).value()).isEqualTo(want);
  }

  @Test
  void netRevenueRetentionOverTheYearToTheWeeksEnd() {
    // The year [2025-11-08, 2026-11-08) at the as-of 2026-11-08 (eps' 300 of 2026-11-09 is after it): at the start
    //   acme 1200.50 − 200 + 0.25 = 1000.75 (its new ARR of 2025-06-01 is before the year), beta 0 − 700.00 + 700.00
    //   = 0.00 (out), gamma 2250, delta 0.0 (out), eps 800, zeta 0 + 400 = 400, eta 2100.00, omega −50 (out)
    //   → 1000.75 + 2250 + 800 + 400 + 2100.00 = 6550.75; expansion 200; losses 0.25 + 250 + 400 + 99.75 = 750.00.
    // NRR = (6550.75 + 200 − 750.00) / 6550.75 × 100; logos: zeta lost → 4 of 5.
    TimeWindow year = new TimeWindow(t("2025-11-08T00:00:00Z"), WEEK.end());
    for (ArrMetrics.Result r : List.of(ArrMetrics.compute(accounts, movements, year, WEEK.end()),
        spark.arr(year, WEEK.end()).value())) {
      assertThat(r.arrStart()).isEqualTo(new BigDecimal("6550.75"));
      assertThat(r.nrr()).isEqualTo(OptionalDouble.of(6000.75 / 6550.75 * 100));
      assertThat(r.logoRetention()).isEqualTo(OptionalDouble.of(80.0));
    }
  }

  @Test
  void aWindowWithoutMovementsKeepsEveryAccount() {
    // A week of 2024: every movement is after it, so at its start and end each account has its ARR now less all of them
    //   acme 1200.50 − 1000.50 − 200 + 0.25 = 0.25, beta 0 − 700.00 + 700.00 = 0.00 (out), gamma 2250, delta 0.0
    //   (out), eps 500, zeta 400, eta 2100.00, omega −50 (out) → 0.25 + 2250 + 500 + 400 + 2100.00 = 5250.25.
    // Nothing moved in it: NRR, GRR and logo retention are 100 %.
    TimeWindow early = new TimeWindow(t("2024-01-01T00:00:00Z"), t("2024-01-08T00:00:00Z"));
    ArrMetrics.Result want = new ArrMetrics.Result(new BigDecimal("5250.25"), new BigDecimal("5250.25"), BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, OptionalDouble.of(100), OptionalDouble.of(100),
        OptionalDouble.of(100));
    assertThat(ArrMetrics.compute(accounts, movements, early, AS_OF)).isEqualTo(want);
    assertThat(spark.arr(early, AS_OF).value()).isEqualTo(want);
  }

  @Test
  void anAccountListedTwiceIsRefused(@TempDir Path dir) throws IOException {
    CsvTables.write(dir, "accounts", "account_id,name,segment,arr,since",
        new String[] {"acme", "Acme", "smb", "10", "2025-01-01T00:00:00Z"},
        new String[] {"acme", "Acme", "smb", "20", "2025-01-01T00:00:00Z"});
    CsvTables.write(dir, "arr_movements", "date,account_id,kind,amount");
    assertThatThrownBy(() -> CsvTables.kpis(dir)
        .arr(WEEK, AS_OF)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account acme is listed 2 times");
  }
}
