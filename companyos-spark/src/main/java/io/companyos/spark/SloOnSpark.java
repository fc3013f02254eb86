package io.companyos.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import io.companyos.model.data.MetricNames;
import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.slo.MetricPointSlos;
import io.companyos.scoring.slo.ServiceSlos;
import io.companyos.sources.Provenance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;

/**
 * SLO attainment per service ({@link MetricPointSlos#of}) over the {@code metrics} table
 * ({@code timestamp, metric, labels, value}): Spark sums the request and error counters of the window per label set as
 * exact decimals (each value the shortest decimal of its {@code double}, as {@link MetricPointSlos#value}) and finds
 * each target series' latest point in the look-back (the largest value at that instant); the driver reads the label
 * sets (as few as there are series), merges them per service and {@link MetricPointSlos#assemble} gives the result.
 * Labels may be the files source's {@code k=v;k=v} text or a map of strings.
 */
final class SloOnSpark {
  private SloOnSpark() {}

  static SparkResult<ServiceSlos.Result> attainment(SparkKpis kpis, TimeWindow window, Instant now) {
    Dataset<Row> m = kpis.tables().table("metrics");
    boolean hasLabels = java.util.Arrays.asList(m.columns()).contains("labels");
    DataType labelType = hasLabels ? m.schema().apply("labels").dataType() : null;
    Column key = !hasLabels ? lit(null).cast("string")
        : labelType instanceof MapType ? functions.array_sort(functions.map_entries(col("labels")))
        : col("labels").cast("string");
    Column t = col("timestamp");
    Column value = col("value").cast("double");
    Map<String, BigDecimal> requests = new TreeMap<>();
    Map<String, BigDecimal> errors = new TreeMap<>();
    long points = 0;
    for (Row r : m.where(col("metric").isin(MetricNames.SLO_REQUESTS, MetricNames.SLO_ERRORS)
            .and(t.geq(lit(window.start()))).and(t.lt(lit(window.end()))).and(value.isNotNull()))
        .groupBy(col("metric"), key.as("k")).agg(sum(value.cast(Decimals.TYPE)), count(lit(1))).collectAsList()) {
      String service = MetricPointSlos.service(labels(r.get(1)));
      (r.getString(0).equals(MetricNames.SLO_REQUESTS) ? requests : errors).merge(service, r.getDecimal(2), BigDecimal::add);
      points += r.getLong(3);
    }
    Instant from = window.end().minus(MetricPointSlos.TARGET_LOOKBACK);
    List<MetricPoint> latest = new ArrayList<>();
    for (Row r : m.where(col("metric").equalTo(MetricNames.SLO_TARGET).and(t.geq(lit(from))).and(t.lt(lit(window.end())))
            .and(value.isNotNull()))
        .groupBy(key.as("k")).agg(max(struct(t.as("t"), value.as("v")))).collectAsList()) {
      Row p = r.getStruct(1);
      latest.add(new MetricPoint(instant(p.get(0)), MetricNames.SLO_TARGET, labels(r.get(0)), p.getDouble(1)));
    }
    ServiceSlos.Result result = MetricPointSlos.assemble(requests, errors, MetricPointSlos.targets(latest, window.end()));
    String query = "1 - sum(" + MetricNames.SLO_ERRORS + ") / sum(" + MetricNames.SLO_REQUESTS + ") per service in the "
        + "window, target: latest " + MetricNames.SLO_TARGET + " per series in the " + MetricPointSlos.TARGET_LOOKBACK.toDays()
        + " days before its end (" + kpis.tables().describe("metrics") + ")";
    return new SparkResult<>(result, Provenance.of("spark", query, window, now).withRowCount(points), Map.of());
  }

  /** A label set as the files source reads it: {@code k=v;k=v} text, a map's sorted entries, or none. */
  static Map<String, String> labels(Object key) {
    Map<String, String> out = new TreeMap<>();
    if (key instanceof String text) {
      for (String pair : text.split(";")) {
        String s = pair.strip();
        if (s.isEmpty()) {
          continue;
        }
        int eq = s.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("metrics: '" + s + "' is not a key=value label");
        }
        out.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
      }
    } else if (key instanceof scala.collection.Seq<?> entries) {
      scala.jdk.javaapi.CollectionConverters.asJava(entries).forEach(e -> {
        Row entry = (Row) e;
        if (!entry.isNullAt(1)) {
          out.put(entry.getString(0), entry.getString(1));
        }
      });
    } else if (key instanceof List<?> entries) {
      entries.forEach(e -> {
        Row entry = (Row) e;
        if (!entry.isNullAt(1)) {
          out.put(entry.getString(0), entry.getString(1));
        }
      });
    }
    return out;
  }

  private static Instant instant(Object value) {
    return value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
  }
}
