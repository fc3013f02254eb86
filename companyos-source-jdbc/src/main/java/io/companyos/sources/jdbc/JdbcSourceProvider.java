package io.companyos.sources.jdbc;

import io.companyos.model.base.Redaction;
import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import io.companyos.sources.files.FileFormats;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Provider of the {@code jdbc} source: record kinds and metrics read from a database with one SQL query each.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code url} (required): the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/analytics}; credentials in it are
 *       refused. The database's JDBC driver must be on the class path (the CLI bundles PostgreSQL's).</li>
 *   <li>{@code user}, {@code password_env} (the environment variable holding the password).</li>
 *   <li>{@code query.<kind>}: the query of a record kind ({@code query.incidents}), whose columns are named as the
 *       kind's file columns (docs/data-formats.md), with the window as {@code :from} and {@code :to}.</li>
 *   <li>{@code metric.<name>}: the query of a metric, giving {@code timestamp} and {@code value} and a label per other
 *       column.</li>
 *   <li>{@code fetch_size}: rows fetched per round trip (default 1000).</li>
 * </ul>
 * The source connects only when asked for data: creating it (and {@code companyos validate}) checks the options and
 * the queries' parameters without a connection. The query timeout is the source's {@code timeout}.
 */
public final class JdbcSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: jdbc}). */
  public static final String ID = "jdbc";

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[;?&:](password|pwd|passwd)=");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    String id = context.sourceId();
    String url = context.requireOption("url");
    if (!url.startsWith("jdbc:")) {
      throw new SourceConfigException(id, "url must be a JDBC URL starting with jdbc: (the value is not shown)",
          "write it like jdbc:postgresql://localhost:5432/analytics");
    }
    refuseCredentials(id, url);
    @Nullable String password = null;
    Optional<String> passwordEnv = context.option("password_env");
    if (passwordEnv.isPresent()) {
      password = context.env(passwordEnv.get()).orElseThrow(() -> new SourceConfigException(id,
          "environment variable '" + passwordEnv.get() + "' named by password_env is not set", "export it before running companyos"));
    }
    int fetchSize = 1000;
    Optional<String> fetch = context.option("fetch_size");
    if (fetch.isPresent()) {
      try {
        fetchSize = Integer.parseInt(fetch.get().strip());
      } catch (NumberFormatException e) {
        fetchSize = -1;
      }
      if (fetchSize < 1 || fetchSize > 1_000_000) {
        throw new SourceConfigException(id, "fetch_size must be a whole number from 1 to 1000000", null);
      }
    }
    Map<RecordKind<?>, JdbcSource.Query> records = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
    Map<String, JdbcSource.Query> metrics = new TreeMap<>();
    for (Map.Entry<String, String> e : context.options().entrySet()) {
      String key = e.getKey();
      if (key.startsWith("query.")) {
        String kindName = key.substring("query.".length());
        RecordKind<?> kind = RecordKind.builtIn().stream().filter(k -> k.name().equals(kindName))
            .filter(k -> FileFormats.of(k).isPresent()).findFirst().orElseThrow(() -> new SourceConfigException(id,
                key + " names no record kind", "write query.<kind> with one of: " + String.join(", ",
                    RecordKind.builtIn().stream().filter(k -> FileFormats.of(k).isPresent()).map(RecordKind::name).toList())));
        records.put(kind, query(id, key, e.getValue()));
      } else if (key.startsWith("metric.")) {
        String name = key.substring("metric.".length());
        if (!METRIC_NAME.matcher(name).matches()) {
          throw new SourceConfigException(id, key + " is not a metric name", "letters, digits, '_' and ':', as in Prometheus");
        }
        metrics.put(name, query(id, key, e.getValue()));
      } else if (!key.equals("url") && !key.equals("user") && !key.equals("password_env") && !key.equals("fetch_size")) {
        throw new SourceConfigException(id, key + " is not an option of the jdbc source",
            "the options are url, user, password_env, fetch_size, query.<kind> and metric.<name>");
      }
    }
    if (records.isEmpty() && metrics.isEmpty()) {
      throw new SourceConfigException(id, "url is given but no query: a jdbc source needs query.<kind> or metric.<name>",
          "e.g. query.incidents: SELECT ... WHERE time_created >= :from AND time_created < :to");
    }
    return new JdbcSource(id, url, context.option("user").orElse(null), password, records, metrics, fetchSize,
        context.timeout(), context.clock());
  }

  private static JdbcSource.Query query(String id, String key, String sql) {
    if (sql.isBlank()) {
      throw new SourceConfigException(id, key + " is empty", "write the SQL query");
    }
    try {
      return new JdbcSource.Query(key, sql.strip(), NamedParameters.parse(sql.strip()));
    } catch (NamedParameters.Invalid e) {
      throw new SourceConfigException(id, key + " cannot be read: " + e.getMessage(), null);
    }
  }

  /** A password in the URL (query parameter, property or user-info) is refused without showing it. */
  private static void refuseCredentials(String id, String url) {
    String hint = "give the password through an environment variable named by password_env";
    if (PASSWORD_IN_URL.matcher(url).find()) {
      throw new SourceConfigException(id, "url must not contain a password (the value is not shown)", hint);
    }
    try {
      URI u = new URI(url.substring("jdbc:".length()));
      Optional<String> secret = Redaction.secretIn(u);
      if (secret.isPresent() || (u.getRawUserInfo() != null && u.getRawUserInfo().contains(":"))) {
        throw new SourceConfigException(id, "url must not contain credentials: "
            + secret.orElse("a password in its user part").toLowerCase(Locale.ROOT), hint);
      }
    } catch (URISyntaxException e) {
      // Not every JDBC URL is a URI (SQL Server's use ';'); the pattern above has looked at it.
    }
  }
}
