package io.companyos.benchmarks.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The peer of {@code companyos score dora}: the same four keys computed by DuckDB (embedded, over JDBC) straight
 * from {@code changes.csv}, {@code deployments.csv} and {@code incidents.csv}, with the definitions of
 * {@code DoraMetrics} (docs/scoring.md):
 *
 * <ul>
 *   <li>deployments per day: distinct deployments placed in the window / window days;
 *   <li>lead time: median ({@code PERCENTILE_CONT}) of first deployment − creation in hours over the changes whose
 *       first deployment (over all deployments) is in the window, positive durations only;
 *   <li>change failure rate: distinct in-window deployments that failed or are named as some incident's
 *       {@code root_cause_deploy} / in-window deployments;
 *   <li>time to restore: median hours from creation to resolution over incidents resolved in the window.
 * </ul>
 *
 * <p>Usage: {@code DoraDuckDb DIR FROM TO [THREADS]}; prints the keys as JSON and the query time on stderr.
 */
public final class DoraDuckDb {
  private DoraDuckDb() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: DoraDuckDb DIR FROM TO [THREADS]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    long from = Instant.parse(args[1]).toEpochMilli();
    long to = Instant.parse(args[2]).toEpochMilli();
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    long t0 = System.nanoTime();
    Keys k = compute(dir, from, to, threads);
    System.out.printf(Locale.ROOT, "{%n  \"deploys_per_day\" : %s,%n  \"deployments\" : %d,%n  \"lead_time_median_hours\" : %s,%n"
            + "  \"changes\" : %d,%n  \"change_failure_rate\" : %s,%n  \"failed_deployments\" : %d,%n"
            + "  \"time_to_restore_median_hours\" : %s,%n  \"incidents_resolved\" : %d%n}%n",
        str(k.deploysPerDay()), k.deployments(), str(k.leadTimeMedianHours()), k.changes(), str(k.changeFailureRate()),
        k.failedDeployments(), str(k.timeToRestoreMedianHours()), k.incidentsResolved());
    System.err.printf(Locale.ROOT, "duckdb: %d ms in-process (%d threads)%n", (System.nanoTime() - t0) / 1_000_000, threads);
  }

  /** The four keys and their counts; null where the window holds no data for a key. */
  public record Keys(@Nullable Double deploysPerDay, long deployments, @Nullable Double leadTimeMedianHours, long changes,
      @Nullable Double changeFailureRate, long failedDeployments, @Nullable Double timeToRestoreMedianHours, long incidentsResolved) {}

  /** The keys over {@code [from, to)} (epoch millis) from the CSVs in {@code dir}. */
  public static Keys compute(Path dir, long from, long to, int threads) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET TimeZone = 'UTC'");
      try (ResultSet r = s.executeQuery(sql(dir.toAbsolutePath(), from, to))) {
        r.next();
        double days = (to - from) / 86_400_000.0;
        long deploys = r.getLong("deploys");
        long failed = r.getLong("failed");
        return new Keys(days > 0 ? deploys / days : null, deploys, number(r, "lead"), r.getLong("lead_n"),
            deploys == 0 ? null : (double) failed / deploys, failed, number(r, "restore"), r.getLong("restore_n"));
      }
    }
  }

  private static String str(@Nullable Double d) {
    return d == null ? "null" : Double.toString(d);
  }

  private static @Nullable Double number(ResultSet r, String column) throws SQLException {
    double v = r.getDouble(column);
    return r.wasNull() ? null : v;
  }

  static String sql(Path dir, long from, long to) {
    String d = csv(dir.resolve("deployments.csv"), "'deploy_id': 'VARCHAR', 'time_created': 'TIMESTAMPTZ', 'changes': 'VARCHAR', 'status': 'VARCHAR'");
    String ch = csv(dir.resolve("changes.csv"), "'change_id': 'VARCHAR', 'time_created': 'TIMESTAMPTZ'");
    String i = csv(dir.resolve("incidents.csv"), "'incident_id': 'VARCHAR', 'time_created': 'TIMESTAMPTZ', 'time_resolved': 'TIMESTAMPTZ', "
        + "'severity': 'VARCHAR', 'service': 'VARCHAR', 'title': 'VARCHAR', 'root_cause_deploy': 'VARCHAR'");
    String inWindow = "t >= " + from + " AND t < " + to;
    return String.join("\n",
        "WITH deployments AS (SELECT trim(deploy_id) AS id, epoch_ms(time_created) AS t, changes,",
        "    lower(trim(coalesce(status, ''))) AS status FROM " + d + "),",
        "incidents AS (SELECT epoch_ms(time_created) AS created, epoch_ms(time_resolved) AS resolved,",
        "    nullif(trim(coalesce(root_cause_deploy, '')), '') AS cause FROM " + i + "),",
        "changes AS (SELECT trim(change_id) AS id, epoch_ms(time_created) AS created FROM " + ch + "),",
        "windowed AS (SELECT DISTINCT id FROM deployments WHERE " + inWindow + "),",
        "failed AS (SELECT DISTINCT id FROM deployments WHERE " + inWindow + " AND status = 'failure'",
        "    UNION SELECT cause FROM incidents WHERE cause IN (SELECT id FROM windowed)),",
        "shipped AS (SELECT trim(c) AS change, t FROM (SELECT unnest(string_split(changes, ';')) AS c, t FROM deployments",
        "    WHERE changes IS NOT NULL) WHERE trim(c) <> ''),",
        "first AS (SELECT change, min(t) AS t FROM shipped GROUP BY change),",
        "lead AS (SELECT (f.t - c.created) / 3600000.0 AS hours FROM changes c JOIN first f ON f.change = c.id",
        "    WHERE f." + inWindow.replace(" AND t", " AND f.t") + " AND f.t > c.created),",
        "restore AS (SELECT (resolved - created) / 3600000.0 AS hours FROM incidents",
        "    WHERE resolved >= " + from + " AND resolved < " + to + ")",
        "SELECT (SELECT count(*) FROM windowed) AS deploys, (SELECT count(*) FROM failed) AS failed,",
        "  (SELECT median(hours) FROM lead) AS lead, (SELECT count(*) FROM lead) AS lead_n,",
        "  (SELECT median(hours) FROM restore) AS restore, (SELECT count(*) FROM restore) AS restore_n");
  }

  private static String csv(Path file, String columns) {
    return "read_csv('" + file.toString().replace("'", "''") + "', header = true, auto_detect = false, delim = ',', quote = '\"', "
        + "escape = '\"', columns = {" + columns + "})";
  }
}
