package io.companyos.benchmarks.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Writes the sample company at any size as a data lake would hold it: {@code product_events} as Parquet partitioned by
 * UTC day ({@code product_events/day=2025-08-20/…}), as PostHog batch exports and Amplitude exports land, and FOCUS
 * {@code costs} rows as Parquet partitioned by month; optionally the same rows as the files source's CSV for the
 * single-JVM path. DuckDB (embedded) does the writing.
 *
 * <p>The product events are the sample's ({@code companyos sample export DIR}) repeated: copy k &gt; 0 has its user,
 * account and session ids prefixed {@code k-}, so every copy is a company of its own and distinct counts grow with the
 * copies. The cost rows are the sample's (fifteen months of daily FOCUS rows) repeated until there are about as many
 * as asked.
 *
 * <p>Usage: {@code LakeData SAMPLE_DIR OUT_DIR EVENTS [COST_ROWS] [csv]}; EVENTS and COST_ROWS are row counts (a
 * suffix M for millions), rounded up to whole copies.
 */
public final class LakeData {
  private LakeData() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: LakeData SAMPLE_DIR OUT_DIR EVENTS [COST_ROWS] [csv]");
      System.exit(2);
    }
    Path sample = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    long events = count(args[2]);
    long costs = args.length > 3 ? count(args[3]) : 0;
    boolean csv = args.length > 4 && args[4].equals("csv");
    Files.createDirectories(out.resolve("csv"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute("SET preserve_insertion_order = false");
      s.execute("CREATE VIEW sample_events AS SELECT * FROM read_csv('" + sample.resolve("product_events.csv")
          + "', header = true, types = {'timestamp': 'TIMESTAMPTZ', 'feature': 'VARCHAR'})");
      long per = single(s, "SELECT count(*) FROM sample_events");
      long copies = (events + per - 1) / per;
      String eventRows = "SELECT e.\"timestamp\", id(e.user_id, k) AS user_id, id(e.account_id, k) AS account_id, "
          + "id(e.session_id, k) AS session_id, e.event, e.feature, CAST(e.\"timestamp\" AS DATE) AS day "
          + "FROM sample_events e, range(" + copies + ") r(k)";
      s.execute("CREATE MACRO id(v, k) AS CASE WHEN k = 0 THEN v ELSE CAST(k AS VARCHAR) || '-' || v END");
      long t0 = System.nanoTime();
      s.execute("COPY (" + eventRows + ") TO '" + out.resolve("product_events") + "' (FORMAT parquet, PARTITION_BY (day), "
          + "OVERWRITE_OR_IGNORE)");
      System.err.printf(Locale.ROOT, "lake: %,d product events (%d copies) as Parquet by day in %d s%n", per * copies, copies,
          (System.nanoTime() - t0) / 1_000_000_000);
      if (csv) {
        s.execute("COPY (SELECT strftime(\"timestamp\", '%Y-%m-%dT%H:%M:%SZ') AS \"timestamp\", user_id, account_id, "
            + "session_id, event, feature FROM (" + eventRows + ")) TO '" + out.resolve("csv").resolve("product_events.csv")
            + "' (HEADER)");
      }
      if (costs > 0) {
        s.execute("CREATE VIEW sample_costs AS SELECT * FROM read_csv('" + sample.resolve("costs.csv") + "', header = true, "
            + "all_varchar = true)");
        long rows = single(s, "SELECT count(*) FROM sample_costs");
        long costCopies = Math.max(1, (costs + rows - 1) / rows);
        String costRows = "SELECT CAST(c.ChargePeriodStart AS TIMESTAMPTZ) AS ChargePeriodStart, "
            + "CAST(c.ChargePeriodEnd AS TIMESTAMPTZ) AS ChargePeriodEnd, c.BilledCost, "
            + "CAST(c.EffectiveCost AS DECIMAL(18, 6)) AS EffectiveCost, c.ListCost, c.ServiceName, c.ServiceCategory, "
            + "c.ProviderName, c.ChargeCategory, c.PricingCategory, c.CommitmentDiscountType, c.Tags "
            + "FROM sample_costs c, range(" + costCopies + ") r(k)";
        t0 = System.nanoTime();
        s.execute("COPY (SELECT *, strftime(ChargePeriodStart, '%Y-%m') AS month FROM (" + costRows + ")) TO '"
            + out.resolve("costs") + "' (FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE)");
        System.err.printf(Locale.ROOT, "lake: %,d cost rows (%d copies) as Parquet by month in %d s%n",
            rows * costCopies, costCopies, (System.nanoTime() - t0) / 1_000_000_000);
        if (csv) {
          s.execute("COPY (SELECT strftime(ChargePeriodStart, '%Y-%m-%dT%H:%M:%SZ') AS ChargePeriodStart, "
              + "strftime(ChargePeriodEnd, '%Y-%m-%dT%H:%M:%SZ') AS ChargePeriodEnd, BilledCost, "
              + "CAST(EffectiveCost AS VARCHAR) AS EffectiveCost, ListCost, ServiceName, ServiceCategory, ProviderName, "
              + "ChargeCategory, PricingCategory, CommitmentDiscountType, Tags FROM (" + costRows + ")) TO '"
              + out.resolve("csv").resolve("costs.csv") + "' (HEADER)");
        }
      }
    }
  }

  private static long count(String text) {
    String t = text.toUpperCase(Locale.ROOT);
    return t.endsWith("M") ? Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1_000_000) : Long.parseLong(t);
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
