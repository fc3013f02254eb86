package io.companyos.sources.files;

import io.companyos.model.data.MetricNames;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import io.companyos.sources.tck.MetricSourceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The files source keeps the metric-source contract, over 40 days exported from the sample company. */
class FilesSourceContractTest extends MetricSourceContract {
  private static final Path DIR = exportOnce();

  private static Path exportOnce() {
    return exportSample("companyos-files-tck");
  }

  /** 40 days of the sample company exported into a new folder, deleted when the JVM exits. */
  static Path exportSample(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          // best effort at exit
        }
      }));
      MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.systemUTC(), dir));
      FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(40)), dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder the source reads. */
  protected Path dir() {
    return DIR;
  }

  @Override
  protected MetricSource createSource(Clock clock) {
    return new FilesSourceProvider().create(SourceContext.of("files", Map.of("dir", dir().toString()), clock, Path.of(".")));
  }

  @Override
  protected Optional<String> metricQuery() {
    return Optional.of(MetricNames.SLO_ERRORS + "{service=\"checkout\"}");
  }
}
