package io.companyos.spark;

import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Where the record tables are: one table per record kind, with the columns of the files source
 * (docs/data-formats.md) — {@code deployments(deploy_id, time_created, changes, status)},
 * {@code product_events(timestamp, user_id, account_id, session_id, event, feature)}, and so on. A table may be
 * Parquet (partitioned or not, on any file system Spark reads), CSV in the files source's layout, or any table of the
 * session's catalog. Times may be timestamps or ISO-8601 text with an offset; a list column ({@code changes}) may be an
 * array of strings or {@code ;}-separated text; FOCUS {@code Tags} a map or JSON text; the {@code labels} of
 * {@code metrics(timestamp, metric, labels, value)} the files source's {@code k=v;k=v} text or a map of strings.
 * {@link #table} gives every kind
 * with those columns typed alike.
 */
public abstract class SparkTables {
  private final SparkSession spark;
  private final Map<String, Dataset<Row>> tables = new java.util.concurrent.ConcurrentHashMap<>();

  SparkTables(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  /**
   * The tables of the session's catalog, by name; a kind not in {@code names} is the table named like the kind
   * ({@code deployments}, {@code product_events}, …).
   *
   * @param spark the session
   * @param names record kind → table name (e.g. {@code "product_events" → "lake.events.posthog"})
   * @return the tables
   */
  public static SparkTables catalog(SparkSession spark, Map<String, String> names) {
    Map<String, String> copy = Map.copyOf(names);
    return new SparkTables(spark) {
      @Override
      Dataset<Row> read(String kind) {
        return spark.table(copy.getOrDefault(kind, kind));
      }

      @Override
      public String describe(String kind) {
        return "table " + copy.getOrDefault(kind, kind);
      }
    };
  }

  /**
   * Parquet under one root: {@code <root>/<kind>} (a file or a folder of part files, partitioned or not, e.g.
   * {@code product_events/day=2026-11-01/part-0.parquet}).
   *
   * @param spark the session
   * @param root the folder or URI (e.g. {@code s3a://bucket/companyos}) holding one entry per kind
   * @return the tables
   */
  public static SparkTables parquet(SparkSession spark, String root) {
    String base = root.endsWith("/") ? root : root + "/";
    return new SparkTables(spark) {
      @Override
      Dataset<Row> read(String kind) {
        return spark.read().parquet(base + kind);
      }

      @Override
      public String describe(String kind) {
        return "parquet " + kind;
      }
    };
  }

  /**
   * CSV files in the files source's layout: {@code <root>/<kind>.csv} with a header row.
   *
   * @param spark the session
   * @param root the folder or URI holding {@code deployments.csv}, {@code product_events.csv}, …
   * @return the tables
   */
  public static SparkTables csv(SparkSession spark, String root) {
    String base = root.endsWith("/") ? root : root + "/";
    return new SparkTables(spark) {
      @Override
      Dataset<Row> read(String kind) {
        // RFC 4180: a quote inside a quoted cell is doubled (Spark escapes with a backslash unless told).
        return spark.read().option("header", true).option("escape", "\"").option("mode", "FAILFAST")
            .csv(base + kind + ".csv");
      }

      @Override
      public String describe(String kind) {
        return "csv " + kind + ".csv";
      }
    };
  }

  /**
   * The session the tables are read with.
   *
   * @return the session
   */
  public SparkSession session() {
    return spark;
  }

  /**
   * What a result's provenance names as its source for {@code kind}: {@code table lake.events}, {@code parquet
   * product_events} or {@code csv deployments.csv}.
   *
   * @param kind the record kind's name
   * @return a short description, without a file system path
   */
  public abstract String describe(String kind);

  abstract Dataset<Row> read(String kind);

  /**
   * The table of one record kind, its time columns as timestamps and its list columns as arrays of strings; other
   * columns as stored. The table is resolved once per instance (a Parquet folder's files are listed once), so the many
   * KPIs of one job do not list a partitioned folder again for each query; make a new instance to see new files.
   *
   * @param kind the record kind's name ({@code deployments}, {@code changes}, {@code incidents},
   *     {@code product_events}, …)
   * @return the table
   */
  public Dataset<Row> table(String kind) {
    return tables.computeIfAbsent(kind, this::typed);
  }

  private Dataset<Row> typed(String kind) {
    Dataset<Row> df = read(kind);
    for (StructField f : df.schema().fields()) {
      String name = f.name();
      if ((isTime(name) || kind.equals("sprints") && (name.equals("start") || name.equals("end")))
          && f.dataType().equals(DataTypes.StringType)) {
        df = df.withColumn(name, functions.col(name).cast(DataTypes.TimestampType));
      } else if ((name.equals("changes") || kind.equals("sprints") && name.equals("goals"))
          && !(f.dataType() instanceof ArrayType)) {
        df = df.withColumn(name, list(functions.col(name), f.dataType()));
      } else if (name.equals("Tags") && f.dataType().equals(DataTypes.StringType)) {
        df = df.withColumn(name, functions.from_json(functions.col(name),
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)));
      }
    }
    return df;
  }

  private static boolean isTime(String column) {
    return column.equals("timestamp") || column.startsWith("time_") || column.endsWith("_at")
        || column.equals("ChargePeriodStart") || column.equals("ChargePeriodEnd") || column.equals("date")
        || column.equals("since");
  }

  /** {@code a;b;c} as an array; empty or null as an empty array. */
  private static Column list(Column text, DataType type) {
    Column s = type.equals(DataTypes.StringType) ? text : text.cast(DataTypes.StringType);
    return functions.when(s.isNull().or(functions.trim(s).equalTo("")), functions.array().cast("array<string>"))
        .otherwise(functions.split(s, ";"));
  }
}
