package io.companyos.sources.jdbc;

import io.companyos.model.base.Redaction;
import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceException;
import io.companyos.sources.SourceTimeoutException;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.UnsupportedQueryException;
import io.companyos.sources.builtin.internal.MetricPointQueries;
import io.companyos.sources.builtin.internal.MetricSelector;
import io.companyos.sources.files.FileFormat;
import io.companyos.sources.files.FileFormats;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * A database read through JDBC, one query per record kind or metric ({@link JdbcSourceProvider}). Each call opens a
 * connection, runs the query with the window bound to {@code :from} and {@code :to} (as {@code timestamp with time
 * zone}), and closes it, so the source is safe to call from several threads and holds no connection between packs.
 *
 * <p>Each row is read by the same rules as a row of the kind's file ({@link FileFormat#read}): columns are matched by
 * their label in lower case, times are written as ISO-8601 in UTC (a {@code timestamp} without a zone is taken as
 * UTC, a {@code date} as its midnight in UTC), numbers in plain decimal notation. Rows outside the window are dropped
 * even when the query returns them. A problem names the query: a missing column or a value that cannot be read is a
 * {@link BadDataException} located at {@code query.<kind>:<row>} and the column; SQL the database refuses is a
 * {@link SourceConfigException} with the database's SQLSTATE and message; a connection that fails is a
 * {@link SourceUnavailableException}; a query past the source's timeout a {@link SourceTimeoutException}.
 */
public final class JdbcSource implements MetricSource {
  /** How far back an instant query looks for a metric's latest point, as the files source does. */
  public static final Duration INSTANT_LOOKBACK = Duration.ofDays(35);

  /**
   * One configured query.
   *
   * @param option its option name ({@code query.incidents}, {@code metric.signups}), which names it in errors
   * @param sql the query as written
   * @param parsed the query with JDBC placeholders
   */
  record Query(String option, String sql, NamedParameters parsed) {}

  private final String id;
  private final String url;
  private final @Nullable String user;
  private final @Nullable String password;
  private final Map<RecordKind<?>, Query> records;
  private final Map<String, Query> metrics;
  private final int fetchSize;
  private final Duration timeout;
  private final Clock clock;

  JdbcSource(String id, String url, @Nullable String user, @Nullable String password, Map<RecordKind<?>, Query> records,
      Map<String, Query> metrics, int fetchSize, Duration timeout, Clock clock) {
    this.id = id;
    this.url = url;
    this.user = user;
    this.password = password;
    this.records = Map.copyOf(records);
    this.metrics = Map.copyOf(metrics);
    this.fetchSize = fetchSize;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    return SourceDescription.of(JdbcSourceProvider.ID, records.keySet(), metrics.keySet().stream().sorted().toList());
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    Query q = records.get(kind);
    if (q == null) {
      throw new UnsupportedQueryException(id, "records (no query." + kind.name() + " option)", kind.name());
    }
    FileFormat<T> format = FileFormats.of(kind).orElseThrow();
    List<T> rows = new ArrayList<>();
    run(q, window, (labels, rs) -> {
      // Labels match the file's column names whatever their case (FOCUS names are CamelCase, databases fold case).
      Map<String, String> byLower = new HashMap<>();
      format.columns().forEach(c -> byLower.put(c.toLowerCase(Locale.ROOT), c));
      List<String> columns = labels.stream().map(l -> byLower.getOrDefault(l, l)).toList();
      for (String c : format.required()) {
        if (!columns.contains(c)) {
          throw new BadDataException(id, q.option(), 0, c, "the query returns no column '" + c + "' (it returns: "
              + String.join(", ", columns) + ")", "name the column with AS " + c + ", as in docs/data-formats.md");
        }
      }
      Map<List<String>, Long> seen = format.key() == null ? null : new HashMap<>();
      java.util.function.Function<List<String>, T> read = format.rows(columns);
      Cells cells = new Cells(rs);
      long row = 0;
      while (rs.next()) {
        row++;
        T record;
        try {
          record = read.apply(cells.row());
        } catch (FileFormat.BadCell e) {
          throw new BadDataException(id, q.option(), row, e.column(), e.getMessage(),
              "fix the query or the data; the columns and their rules are in docs/data-formats.md");
        }
        if (seen != null) {
          List<String> key = format.key().apply(record);
          Long first = seen.putIfAbsent(key, row);
          if (first != null) {
            throw new BadDataException(id, q.option(), row, String.join("+", format.keyColumns()), "'"
                + String.join("', '", key) + "' repeats row " + first + "; ids must be unique", "remove the duplicates in the query");
          }
        }
        rows.add(record);
      }
    });
    return Dataset.inWindow(kind, rows, provenance(q, null, window));
  }

  @Override
  public Dataset<Series> instant(String query, Instant at) {
    MetricSelector selector = MetricSelector.parse(id, query);
    // The window's end is exclusive; a microsecond past the instant includes a point at it at database precision.
    TimeWindow window = new TimeWindow(at.minus(INSTANT_LOOKBACK), at.plusNanos(1000));
    List<MetricPoint> points = points(selector, window);
    return Dataset.of(MetricPointQueries.instant(points, selector, at, INSTANT_LOOKBACK),
        provenance(metrics.get(selector.metric()), query, new TimeWindow(at.minus(INSTANT_LOOKBACK), at)));
  }

  @Override
  public Dataset<Series> range(String query, TimeWindow window, Duration step) {
    MetricSelector selector = MetricSelector.parse(id, query);
    return Dataset.of(MetricPointQueries.range(points(selector, window), selector, window),
        provenance(metrics.get(selector.metric()), query, window));
  }

  private List<MetricPoint> points(MetricSelector selector, TimeWindow window) {
    Query q = metrics.get(selector.metric());
    if (q == null) {
      throw new UnsupportedQueryException(id, "metric queries (no metric." + selector.metric() + " option)", selector.metric());
    }
    List<MetricPoint> points = new ArrayList<>();
    run(q, window, (columns, rs) -> {
      String time = columns.contains("timestamp") ? "timestamp" : "time";
      for (String c : List.of(time, "value")) {
        if (!columns.contains(c)) {
          throw new BadDataException(id, q.option(), 0, c, "the query returns no column '" + c + "' (it returns: "
              + String.join(", ", columns) + ")", "a metric query gives timestamp, value and one column per label");
        }
      }
      Cells cells = new Cells(rs);
      long row = 0;
      while (rs.next()) {
        row++;
        Map<String, String> labels = new LinkedHashMap<>();
        String t = null;
        String v = null;
        List<String> texts = cells.row();
        for (int i = 0; i < columns.size(); i++) {
          String c = columns.get(i);
          String cell = texts.get(i);
          if (c.equals(time)) {
            t = cell;
          } else if (c.equals("value")) {
            v = cell;
          } else if (!cell.isEmpty()) {
            labels.put(c, cell);
          }
        }
        points.add(new MetricPoint(instant(q, row, time, t), selector.metric(), labels, number(q, row, v)));
      }
    });
    points.sort(Comparator.comparing(MetricPoint::timestamp));
    return points;
  }

  private Instant instant(Query q, long row, String column, @Nullable String text) {
    try {
      return OffsetDateTime.parse(text == null ? "" : text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadDataException(id, q.option(), row, column, "'" + Redaction.printable(text) + "' is not a time",
          "give a timestamp with time zone, a timestamp (read as UTC) or a date");
    }
  }

  private double number(Query q, long row, @Nullable String text) {
    try {
      double d = new BigDecimal(text == null ? "" : text).doubleValue();
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadDataException(id, q.option(), row, "value", "'" + Redaction.printable(text) + "' is not a finite number",
        "give a numeric column");
  }

  /** The cells of the current row as a file would hold them; the column types are looked up once per query. */
  private static final class Cells {
    private final ResultSet rs;
    private final int[] types;
    private final boolean[] zoned;

    Cells(ResultSet rs) throws SQLException {
      this.rs = rs;
      ResultSetMetaData md = rs.getMetaData();
      types = new int[md.getColumnCount()];
      zoned = new boolean[types.length];
      for (int i = 0; i < types.length; i++) {
        types[i] = md.getColumnType(i + 1);
        // PostgreSQL reports timestamptz as TIMESTAMP; its type name tells them apart.
        zoned[i] = types[i] == Types.TIMESTAMP_WITH_TIMEZONE || "timestamptz".equalsIgnoreCase(md.getColumnTypeName(i + 1));
      }
    }

    List<String> row() throws SQLException {
      List<String> out = new ArrayList<>(types.length);
      for (int i = 0; i < types.length; i++) {
        out.add(text(i + 1, types[i], zoned[i]));
      }
      return out;
    }

    /** The text of a cell; an empty string for SQL NULL. */
    private String text(int i, int type, boolean zone) throws SQLException {
      if (zone) {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? "" : t.toInstant().toString();
      }
      switch (type) {
        case Types.TIMESTAMP: {
          LocalDateTime t = rs.getObject(i, LocalDateTime.class);
          return t == null ? "" : t.toInstant(ZoneOffset.UTC).toString();
        }
        case Types.DATE: {
          LocalDate d = rs.getObject(i, LocalDate.class);
          return d == null ? "" : d.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        }
        case Types.NUMERIC:
        case Types.DECIMAL: {
          BigDecimal b = rs.getBigDecimal(i);
          return b == null ? "" : b.toPlainString();
        }
        case Types.REAL:
        case Types.FLOAT:
        case Types.DOUBLE: {
          double d = rs.getDouble(i);
          if (rs.wasNull()) {
            return "";
          }
          return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
        }
        case Types.BOOLEAN:
        case Types.BIT: {
          boolean b = rs.getBoolean(i);
          return rs.wasNull() ? "" : Boolean.toString(b);
        }
        default: {
          String s = rs.getString(i);
          return s == null ? "" : s;
        }
      }
    }
  }

  @FunctionalInterface
  private interface RowsReader {
    void read(List<String> columns, ResultSet rs) throws SQLException;
  }

  private void run(Query q, TimeWindow window, RowsReader reader) {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    Connection c;
    try {
      c = DriverManager.getConnection(url, props);
    } catch (SQLException e) {
      throw connectionFailure(e);
    }
    try (c) {
      try {
        c.setReadOnly(true); // a hint, which some drivers (DuckDB's) do not take after connecting
      } catch (java.sql.SQLFeatureNotSupportedException e) {
        // the user's grants keep the source read-only there
      }
      if (url.startsWith("jdbc:postgresql:")) {
        // The driver sets the session's zone to the JVM's; a timestamp without a zone is UTC here, in comparisons too.
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("SET TIME ZONE 'UTC'");
        }
      }
      query(c, q, window, reader);
    } catch (SourceException e) {
      throw e;
    } catch (SQLException e) {
      throw connectionFailure(e);
    }
  }

  private void query(Connection c, Query q, TimeWindow window, RowsReader reader) {
    try (PreparedStatement ps = c.prepareStatement(q.parsed().sql())) {
      ps.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000)));
      ps.setFetchSize(fetchSize);
      int p = 1;
      for (String name : q.parsed().names()) {
        Instant t = name.equals("from") ? window.start() : window.end();
        ps.setObject(p++, OffsetDateTime.ofInstant(t, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        reader.read(columns, rs);
      }
    } catch (SourceException e) {
      throw e;
    } catch (SQLTimeoutException e) {
      throw new SourceTimeoutException(id, timeout, q.option());
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.equals("57014")) {
        throw new SourceTimeoutException(id, timeout, q.option());
      }
      if (state.startsWith("08")) {
        throw connectionFailure(e);
      }
      throw new SourceConfigException(id, q.option() + ": the database refused the query (" + describe(e) + ")",
          "run the query in the database's own client with the window's times for :from and :to");
    }
  }

  private SourceException connectionFailure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("28")) {
      return new SourceConfigException(id, "the database refused the credentials (" + describe(e) + ")",
          "check user and the variable named by password_env");
    }
    if (state.equals("08001") && e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
      return new SourceConfigException(id, "no JDBC driver on the class path takes this url",
          "add the database's JDBC driver jar to the class path");
    }
    return new SourceUnavailableException(id, "cannot connect to the database (" + describe(e) + ")", e);
  }

  /** SQLSTATE and the database's message on one line, credentials masked. */
  private static String describe(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.replaceAll("\\s+", " ").strip();
    return (e.getSQLState() == null ? "" : e.getSQLState() + ": ") + Redaction.message(m);
  }

  /** "query.incidents: SELECT …" (a metric: "metric.signups (signups{channel="web"}): SELECT …"), on one line. */
  private Provenance provenance(@Nullable Query q, @Nullable String selector, TimeWindow window) {
    String sql = q == null ? "" : q.sql().replaceAll("\\s+", " ").strip();
    String text = q == null ? String.valueOf(selector) : q.option() + (selector == null ? "" : " (" + selector.strip() + ")") + ": "
        + (sql.length() > 300 ? sql.substring(0, 299) + "…" : sql);
    return Provenance.of(id, text, window, clock.instant());
  }
}
