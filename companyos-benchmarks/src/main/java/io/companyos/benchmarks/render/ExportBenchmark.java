package io.companyos.benchmarks.render;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Cost of exporting an assembled ops review in each installed format (one document, warm JVM). The PDF and
 * slide exporters need about ten 2-second warm-up iterations before their times settle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Djava.awt.headless=true",
    "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory"})
public class ExportBenchmark {
  @Param({"md", "html", "json", "pdf", "pptx", "notion", "confluence"})
  public String format;

  private PackDocument doc;
  private PackExporter exporter;

  @Setup
  public void setUp() {
    io.companyos.export.pdf.PdfExporter.quietRendererConsole();
    Instant asOf = SampleSourceProvider.DEFAULT_AS_OF;
    CompanyDefinition company = BuiltinDefinitions.load();
    MetricSource source = new SampleSourceProvider().create(
        SourceContext.of("sample", Map.of(), Clock.fixed(asOf, ZoneOffset.UTC), Path.of(".")));
    doc = new PackAssembler(company, List.of(source)).assemble(company.pack("ops-review").orElseThrow(), asOf, ZoneOffset.UTC);
    exporter = PackExporters.discover().find(format).orElseThrow();
  }

  /** One export of the ops review; returns the bytes so the work is not optimised away. */
  @Benchmark
  public byte[] export() throws IOException {
    return exporter.exportToBytes(doc);
  }
}
