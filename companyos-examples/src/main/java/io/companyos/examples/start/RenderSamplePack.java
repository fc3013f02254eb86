package io.companyos.examples.start;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Renders a built-in pack from the embedded sample company as Markdown and prints it. */
public final class RenderSamplePack {
  private RenderSamplePack() {}

  /**
   * Prints one pack.
   *
   * @param args the pack id; {@code ops-review} when none is given
   */
  public static void main(String[] args) {
    String packId = args.length > 0 ? args[0] : "ops-review";
    CompanyDefinition company = BuiltinDefinitions.load();
    PackDefinition pack = company.pack(packId)
        .orElseThrow(() -> new IllegalArgumentException("no pack " + packId + "; packs: " + company.packIds()));
    try (Sources sources = SourceRegistry.discover().openDefault(Clock.systemUTC())) {
      Instant asOf = sources.primary().snapshotAsOf().orElseThrow();
      PackDocument doc = new PackAssembler(company, sources.all()).assemble(pack, asOf, ZoneId.of("UTC"));
      System.out.println(new PackRenderer().render(doc, PackFormat.MD));
    }
  }
}
