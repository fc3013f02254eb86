package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.slo.MetricPointSlos;
import io.companyos.scoring.slo.ServiceSlos;
import io.companyos.scoring.slo.SloResult;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FilesSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty-two metric points with the SLO attainment and error budget of the week [2026-11-01, 2026-11-08) worked out by
 * hand; Spark (from {@code metrics.csv}, and from a table whose labels are a map), the Java reference from points and
 * the files source's range queries with {@code ServiceSlos.of} must all give them.
 */
class SloHandMadeTest {
  static final TimeWindow WEEK = new TimeWindow(t("2026-11-01T00:00:00Z"), t("2026-11-08T00:00:00Z"));
  static final String REQ = "companyos:slo:requests:count";
  static final String ERR = "companyos:slo:errors:count";
  static final String TGT = "companyos:slo:target:ratio";

  /** timestamp, metric, labels, value. The target's look-back starts at 2026-11-08 − 35 days = 2026-10-04. */
  static final String[][] POINTS = {
    {"2026-11-01T00:00:00Z", REQ, "service=api;env=prod", "1000"}, // on the start: in
    {"2026-11-03T12:00:00Z", REQ, "service=api;env=prod", "2500.5"},
    {"2026-11-07T23:59:59Z", REQ, "env=canary;service=api", "499.5"}, // a second series of api
    {"2026-11-08T00:00:00Z", REQ, "service=api;env=prod", "9999"}, // on the end: out
    {"2026-10-31T23:59:59Z", REQ, "service=api;env=prod", "7777"}, // before the start: out
    {"2026-11-02T00:00:00Z", REQ, "service=web", "400"},
    {"2026-11-05T00:00:00Z", REQ, "service=web", "0.1"},
    {"2026-11-05T00:00:00Z", REQ, "service=web", "0.2"}, // the same instant again
    {"2026-11-04T00:00:00Z", REQ, "service=batch", "50"},
    {"2026-11-04T00:00:00Z", REQ, "service=search", "10"},
    {"2026-11-01T00:00:00Z", ERR, "service=api;env=prod", "2"},
    {"2026-11-06T00:00:00Z", ERR, "service=api;env=canary", "1.5"},
    {"2026-11-08T00:00:00Z", ERR, "service=api;env=prod", "100"}, // on the end: out
    {"2026-11-03T00:00:00Z", ERR, "service=web", "1"},
    {"2026-11-03T00:00:00Z", ERR, "service=web", "0.4"},
    {"2026-10-04T00:00:00Z", TGT, "service=api;env=prod", "0.99"}, // on the look-back's start: in
    {"2026-11-07T00:00:00Z", TGT, "service=api;env=canary", "0.995"}, // later, but its labels sort first
    {"2026-11-08T00:00:00Z", TGT, "service=api;env=prod", "0.5"}, // on the end: out
    {"2026-11-02T00:00:00Z", TGT, "service=web", "0.95"},
    {"2026-11-06T00:00:00Z", TGT, "service=web", "0.9"}, // the latest of web
    {"2026-10-03T23:59:59Z", TGT, "service=search", "0.999"}, // before the look-back: search has no target
    {"2026-11-01T00:00:00Z", TGT, "service=batch", "1"}, // not in (0, 1): batch has no target
  };

  static List<MetricPoint> points;
  static Path folder;

  @BeforeAll
  static void tables(@TempDir Path dir) throws IOException {
    folder = dir;
    CsvTables.write(dir, "metrics", "timestamp,metric,labels,value", POINTS);
    points = new ArrayList<>();
    for (String[] p : POINTS) {
      points.add(new MetricPoint(t(p[0]), p[1], labels(p[2]), Double.parseDouble(p[3])));
    }
  }

  /**
   * api: requests 1000 + 2500.5 + 499.5 = 4000 (two series; 9999 on the end and 7777 before the start are out);
   *   errors 2 + 1.5 = 3.5, rounded half up to 4; target 0.99 — the {env=prod, service=api} series sorts after
   *   {env=canary, service=api}, so its latest point in [2026-10-04, 2026-11-08) wins over the canary's later 0.995.
   *   Attainment 3996 / 4000 = 99.9 %; budget 1 − 0.99 = 1 %, error ratio 0.1 %: 10 % of the budget spent, 90 % left,
   *   burn rate 0.1.
   * web: requests 400 + 0.1 + 0.2 = 400.3 → 400; errors 1 + 0.4 = 1.4 → 1; target 0.9 (latest of 0.95 and 0.9).
   *   Attainment 399 / 400 = 99.75 %; budget 10 %, error ratio 0.25 %: 97.5 % left, burn rate 0.025.
   * batch (target 1, not in (0, 1)) and search (its only target before the look-back) have no SLO.
   */
  static final ServiceSlos.Result WANT = new ServiceSlos.Result(List.of(
      new ServiceSlos.ServiceSlo("api", new SloResult(0.99, 4000, 4, OptionalDouble.of(3996 / 4000.0),
          OptionalDouble.of(4 / 4000.0), OptionalDouble.of(((1 - 0.99) - 4 / 4000.0) / (1 - 0.99)),
          OptionalDouble.of(4 / 4000.0 / (1 - 0.99)))),
      new ServiceSlos.ServiceSlo("web", new SloResult(0.9, 400, 1, OptionalDouble.of(399 / 400.0),
          OptionalDouble.of(1 / 400.0), OptionalDouble.of(((1 - 0.9) - 1 / 400.0) / (1 - 0.9)),
          OptionalDouble.of(1 / 400.0 / (1 - 0.9))))),
      List.of("batch", "search"));

  @Test
  void theReferenceFromPointsGivesTheHandComputedSlos() {
    ServiceSlos.Result got = MetricPointSlos.of(points, WEEK);
    assertThat(got).isEqualTo(WANT);
    assertThat(got.slos().get(0).result().budgetRemaining().getAsDouble()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(got.slos().get(1).result().budgetRemaining().getAsDouble()).isCloseTo(0.975, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theFilesSourcesRangeQueriesGiveTheSameSlos() {
    FilesSource files = new FilesSource("files", folder, true, Clock.fixed(WEEK.end(), ZoneOffset.UTC));
    assertThat(SourcePathSlos.of(files, WEEK)).isEqualTo(WANT);
  }

  @Test
  void sparkGivesTheHandComputedSlosFromTheCsvTable() {
    SparkResult<ServiceSlos.Result> got = CsvTables.kpis(folder).sloAttainment(WEEK);
    assertThat(got.value()).isEqualTo(WANT);
    assertThat(got.exact()).isTrue();
    assertThat(got.provenance().window()).isEqualTo(WEEK);
    // Points summed: api 3 requests + 2 errors, web 3 requests + 2 errors, batch and search 1 request each.
    assertThat(got.provenance().rowCount()).isEqualTo(12);
    assertThat(got.value().evidence()).hasSize(2);
  }

  @Test
  void sparkGivesTheSameSlosWhenLabelsAreAMap() {
    StructType schema = new StructType().add("timestamp", DataTypes.TimestampType).add("metric", DataTypes.StringType)
        .add("labels", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
        .add("value", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (String[] p : POINTS) {
      rows.add(RowFactory.create(t(p[0]), p[1], scala.jdk.javaapi.CollectionConverters.asScala(labels(p[2])),
          Double.parseDouble(p[3])));
    }
    LocalSpark.session().createDataFrame(rows, schema).createOrReplaceTempView("slo_points_with_map_labels");
    SparkKpis kpis = SparkKpis.over(SparkTables.catalog(LocalSpark.session(), Map.of("metrics",
        "slo_points_with_map_labels")));
    assertThat(kpis.sloAttainment(WEEK).value()).isEqualTo(WANT);
  }

  @Test
  void noPointsInTheWindowGiveNoSlos() {
    TimeWindow before = new TimeWindow(t("2026-01-01T00:00:00Z"), t("2026-01-08T00:00:00Z"));
    ServiceSlos.Result none = new ServiceSlos.Result(List.of(), List.of());
    assertThat(MetricPointSlos.of(points, before)).isEqualTo(none);
    assertThat(CsvTables.kpis(folder).sloAttainment(before).value()).isEqualTo(none);
  }

  static Map<String, String> labels(String text) {
    Map<String, String> out = new TreeMap<>();
    Arrays.stream(text.split(";")).forEach(p -> out.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1)));
    return out;
  }
}
