package io.companyos.benchmarks.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.IOException;
import java.io.StringWriter;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of producing packs from the in-memory sample company: assembling and rendering one pack, all
 * ten packs, and rendering alone compared with a bare FreeMarker run over the same data tree (the
 * sandbox and escaping overhead). Build the module, then run {@code org.openjdk.jmh.Main RenderBenchmark} with
 * the module's classes and dependencies on the class path (see docs/rendering.md, Performance).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
  private CompanyDefinition company;
  private PackAssembler assembler;
  private PackRenderer renderer;
  private PackDocument opsReview;
  private Map<String, Object> tree;
  private Template bare;
  private final Instant asOf = SampleSourceProvider.DEFAULT_AS_OF;

  @Setup
  public void setUp() throws IOException {
    company = BuiltinDefinitions.load();
    MetricSource source = new SampleSourceProvider().create(
        SourceContext.of("sample", Map.of(), Clock.fixed(asOf, ZoneOffset.UTC), Path.of(".")));
    assembler = new PackAssembler(company, List.of(source));
    renderer = new PackRenderer();
    opsReview = assembler.assemble(company.pack("ops-review").orElseThrow(), asOf, ZoneOffset.UTC);
    // A plain copy of the data tree: every value computed up front, so the baseline pays for none of it.
    tree = materialize(PackRenderer.tree(opsReview));
    // The same built-in template and data tree under a default configuration: no sandbox, no
    // restricted wrapper, no Markdown escaping; the data tree is built once, outside the measurement.
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(new freemarker.cache.ClassTemplateLoader(PackRenderer.class, "/io/companyos/render/templates/markdown"));
    bare = cfg.getTemplate("ops-review.ftl");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> materialize(Map<String, Object> m) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, copy(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object v) {
    if (v instanceof Map<?, ?> map) {
      return materialize((Map<String, Object>) map);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new java.util.ArrayList<>();
      list.forEach(x -> out.add(copy(x)));
      return out;
    }
    return v;
  }

  /** Assemble and render the weekly ops review. */
  @Benchmark
  public String assembleAndRenderOnePack() {
    return renderer.render(assembler.assemble(company.pack("ops-review").orElseThrow(), asOf, ZoneOffset.UTC), PackFormat.MD);
  }

  /** Assemble and render all ten built-in packs. */
  @Benchmark
  public int assembleAndRenderAllPacks() {
    int chars = 0;
    for (String id : BuiltinDefinitions.PACK_IDS) {
      chars += renderer.render(assembler.assemble(company.pack(id).orElseThrow(), asOf, ZoneOffset.UTC), PackFormat.MD).length();
    }
    return chars;
  }

  /** Render an assembled pack with the built-in Markdown template. */
  @Benchmark
  public String renderOnly() {
    return renderer.render(opsReview, PackFormat.MD);
  }

  /** The same template over a prebuilt tree with a default FreeMarker configuration: the baseline for {@link #renderOnly()}. */
  @Benchmark
  public String bareFreemarker() throws IOException, TemplateException {
    StringWriter out = new StringWriter();
    bare.process(Map.of("pack", tree), out);
    return out.toString();
  }
}
