package io.companyos.benchmarks.ingest;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.files.FilesSource;
import io.companyos.sources.files.FilesWriter;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The files source reading a FOCUS costs.csv, all time, every record read: the sample company's costs (two years)
 * written {@code copies} times one after another (at ten copies, 14.6 MB and 96,600 rows, the costs of the folder ten
 * times the sample). {@code columns}: a plain file, kept in columns ({@code CostColumns}), its records made as they are
 * read; {@code records}: the same file but for its first row's billed cost written in exponent form ({@code 1.7746e2},
 * the same number), which the column scan leaves to the record path, so the same records come from it. MB/s = file size
 * / time. The folder comes from {@code companyos.bench.costs} (default {@code target/costs}; written when absent).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CostIngestBenchmark {
  static final Instant AS_OF = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));

  @Param({"columns", "records"})
  public String path;

  @Param({"10"})
  public int copies;

  Path dir;

  @Setup
  public void data() throws IOException {
    Path root = Path.of(System.getProperty("companyos.bench.costs", "target/costs")).resolve("x" + copies);
    dir = root.resolve(path);
    if (!Files.isRegularFile(dir.resolve("costs.csv"))) {
      write(root, copies);
    }
    System.out.printf("%n%s: %.1f MB%n", dir.resolve("costs.csv"), Files.size(dir.resolve("costs.csv")) / 1e6);
  }

  /** The sample company's costs.csv, {@code copies} times, in {@code root/columns} and (first amount in exponent form) {@code root/records}. */
  static void write(Path root, int copies) throws IOException {
    Path sample = Files.createDirectories(root.resolve("sample"));
    FilesWriter.export(new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.systemUTC(), sample)),
        TimeWindow.ending(AS_OF, Duration.ofDays(730)), sample);
    List<String> lines = Files.readAllLines(sample.resolve("costs.csv"), StandardCharsets.UTF_8);
    for (String kind : List.of("columns", "records")) {
      Path out = Files.createDirectories(root.resolve(kind)).resolve("costs.csv");
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        w.write(lines.get(0) + "\n");
        for (int c = 0; c < copies; c++) {
          for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (c == 0 && i == 1 && kind.equals("records")) {
              line = exponentFirstAmount(line);
            }
            w.write(line + "\n");
          }
        }
      }
    }
  }

  /** The row with its billed cost (the third cell) written as digits times a power of ten: the same BigDecimal. */
  static String exponentFirstAmount(String line) {
    String[] cells = line.split(",", -1);
    String amount = cells[2];
    int point = amount.indexOf('.');
    int scale = point < 0 ? 0 : amount.length() - point - 1;
    String digits = amount.replace(".", "");
    // d.ddd e(n) with the same unscaled digits and scale: n = digits after the first - scale
    cells[2] = digits.charAt(0) + "." + digits.substring(1) + "e" + (digits.length() - 1 - scale);
    return String.join(",", cells);
  }

  @Benchmark
  public long read() {
    long sum = 0;
    for (CostRow r : new FilesSource("bench", dir, true, Clock.systemUTC()).records(RecordKind.COSTS, ALL).rows()) {
      sum += r.serviceName().length() + r.effectiveCost().scale() + r.chargePeriodStart().getEpochSecond() + r.tags().size();
    }
    return sum;
  }
}
