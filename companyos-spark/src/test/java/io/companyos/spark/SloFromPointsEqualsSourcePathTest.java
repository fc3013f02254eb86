package io.companyos.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.slo.MetricPointSlos;
import io.companyos.scoring.slo.ServiceSlos;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.files.FilesSource;
import io.companyos.sources.files.FilesWriter;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample company's metrics written as {@code metrics.csv}: the SLOs from its points ({@link MetricPointSlos#of}),
 * from the files source's range queries with {@link ServiceSlos#of}, and on Spark are the same for windows of a day,
 * a week and a month, ending at the sample's as-of, three days before it and inside an hour.
 */
class SloFromPointsEqualsSourcePathTest {
  private static final Instant NOW = SampleSourceProvider.DEFAULT_AS_OF;

  @Test
  void theSampleCompanysSlosAreTheSameByEveryPath(@TempDir Path dir) {
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.fixed(NOW,
        ZoneOffset.UTC), dir));
    FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(90)), dir);
    FilesSource files = new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC));
    List<MetricPoint> points = files.records(RecordKind.METRICS, TimeWindow.ending(NOW, Duration.ofDays(90))).rows();
    SparkKpis spark = CsvTables.kpis(dir);
    List<TimeWindow> windows = List.of(TimeWindow.ending(NOW, Duration.ofDays(1)), TimeWindow.ending(NOW,
        Duration.ofDays(7)), TimeWindow.ending(NOW.minus(Duration.ofDays(3)), Duration.ofDays(30)),
        TimeWindow.ending(NOW.minus(Duration.ofMinutes(90)), Duration.ofDays(7)));
    for (TimeWindow w : windows) {
      ServiceSlos.Result fromSource = SourcePathSlos.of(files, w);
      assertThat(fromSource.slos()).as("the sample has SLOs in " + w).isNotEmpty();
      assertThat(MetricPointSlos.of(points, w)).as(w.toString()).isEqualTo(fromSource);
      assertThat(spark.sloAttainment(w).value()).as(w.toString()).isEqualTo(fromSource);
    }
  }
}
