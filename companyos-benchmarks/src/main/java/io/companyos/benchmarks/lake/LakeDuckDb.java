package io.companyos.benchmarks.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The embedded-engine peer of the scale table (docs/scale.md): DuckDB computes, straight from the Parquet of
 * {@link LakeData}, the product and cost KPIs that {@code KpiJob} writes, with the catalog's definitions (docs/kpis.md):
 * DAU over complete UTC days, WAU and MAU as distinct active users (any event but {@code signup}) of the 7 and 30 days
 * ending at the as-of, sign-ups, feature adoption in percent of the window's active users, cloud spend. Prints
 * {@code kpi value} lines, sorted, and the time on stderr.
 *
 * <p>Usage: {@code LakeDuckDb LAKE_DIR AS_OF DAYS [THREADS]}
 */
public final class LakeDuckDb {
  private LakeDuckDb() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath();
    Instant asOf = Instant.parse(args[1]);
    int days = Integer.parseInt(args[2]);
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    String end = "TIMESTAMPTZ '" + asOf + "'";
    String start = "TIMESTAMPTZ '" + asOf.minus(Duration.ofDays(days)) + "'";
    String d7 = "TIMESTAMPTZ '" + asOf.minus(Duration.ofDays(7)) + "'";
    String d30 = "TIMESTAMPTZ '" + asOf.minus(Duration.ofDays(30)) + "'";
    long t0 = System.nanoTime();
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET TimeZone = 'UTC'");
      s.execute("CREATE VIEW events AS SELECT * FROM read_parquet('" + dir.resolve("product_events") + "/**/*.parquet', "
          + "hive_partitioning = true)");
      s.execute("CREATE VIEW activity AS SELECT * FROM events WHERE event <> 'signup'");
      // Complete UTC days: the window starts and ends on midnights here, so every day of it is complete.
      try (ResultSet r = s.executeQuery("SELECT "
          + "(SELECT count(DISTINCT (CAST(\"timestamp\" AS DATE), user_id)) FROM activity WHERE \"timestamp\" >= " + start
          + " AND \"timestamp\" < " + end + ") / " + days + ".0, "
          + "(SELECT count(DISTINCT user_id) FROM activity WHERE \"timestamp\" >= " + d7 + " AND \"timestamp\" < " + end + "), "
          + "(SELECT count(DISTINCT user_id) FROM activity WHERE \"timestamp\" >= " + d30 + " AND \"timestamp\" < " + end + "), "
          + "(SELECT count(*) FROM events WHERE event = 'signup' AND \"timestamp\" >= " + start + " AND \"timestamp\" < " + end
          + ")")) {
        r.next();
        out.add("dau " + r.getDouble(1));
        out.add("wau " + (double) r.getLong(2));
        out.add("mau " + (double) r.getLong(3));
        out.add("signups " + (double) r.getLong(4));
      }
      try (ResultSet r = s.executeQuery("WITH w AS (SELECT * FROM activity WHERE \"timestamp\" >= " + start
          + " AND \"timestamp\" < " + end + "), active AS (SELECT count(DISTINCT user_id) AS n FROM w) "
          + "SELECT feature, 100.0 * count(DISTINCT user_id) / (SELECT n FROM active) FROM w WHERE feature IS NOT NULL "
          + "GROUP BY feature")) {
        while (r.next()) {
          out.add("feature_adoption/" + r.getString(1) + " " + r.getDouble(2));
        }
      }
      if (Files.isDirectory(dir.resolve("costs"))) {
        s.execute("CREATE VIEW costs AS SELECT * FROM read_parquet('" + dir.resolve("costs") + "/**/*.parquet', "
            + "hive_partitioning = true)");
        try (ResultSet r = s.executeQuery("SELECT sum(EffectiveCost) FROM costs WHERE ChargePeriodStart >= " + start
            + " AND ChargePeriodStart < " + end)) {
          r.next();
          if (r.getBigDecimal(1) != null) {
            out.add("cloud_spend " + r.getBigDecimal(1).doubleValue());
          }
        }
      }
    }
    out.sort(null);
    out.forEach(System.out::println);
    System.err.printf(Locale.ROOT, "duckdb: %d ms in-process (%d threads)%n", (System.nanoTime() - t0) / 1_000_000, threads);
  }
}
