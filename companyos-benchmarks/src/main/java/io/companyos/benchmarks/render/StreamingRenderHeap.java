package io.companyos.benchmarks.render;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heap while rendering 10,000 packs one after another (the ten built-in packs of the sample company,
 * assembled once, rendered as Markdown and dropped): heap in use after a GC every 1,000 packs should stay
 * flat, so a long-running service does not accumulate per-pack memory. Run with a small heap, e.g.
 * {@code java -Xmx256m -cp ... io.companyos.benchmarks.render.StreamingRenderHeap}.
 */
public final class StreamingRenderHeap {
  private StreamingRenderHeap() {}

  public static void main(String[] args) {
    int packs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Instant asOf = Instant.parse("2026-11-23T09:00:00Z");
    CompanyDefinition company = BuiltinDefinitions.load();
    List<PackDocument> docs = new ArrayList<>();
    try (Sources sources = SourceRegistry.discover().openDefault(Clock.fixed(asOf, ZoneOffset.UTC))) {
      PackAssembler assembler = new PackAssembler(company, sources.all());
      for (PackDefinition p : company.packs()) {
        docs.add(assembler.assemble(p, asOf, ZoneId.of("UTC")));
      }
    }
    PackRenderer renderer = new PackRenderer();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long bytes = 0;
    long start = System.nanoTime();
    long peakAfterGc = 0;
    for (int i = 1; i <= packs; i++) {
      bytes += renderer.render(docs.get(i % docs.size()), PackFormat.MD).length();
      if (i % 1000 == 0) {
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        peakAfterGc = Math.max(peakAfterGc, used);
        System.out.printf(Locale.ROOT, "%6d packs: heap in use after GC %6.1f MB%n", i, used / 1e6);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%d packs, %.1f MB of Markdown, %.1f s (%.2f ms/pack); max heap %.0f MB; peak in use after GC %.1f MB%n",
        packs, bytes / 1e6, seconds, seconds * 1000 / packs, Runtime.getRuntime().maxMemory() / 1e6, peakAfterGc / 1e6);
  }
}
