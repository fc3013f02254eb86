package io.companyos.examples.embed;

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
import java.time.ZoneOffset;

/**
 * The smallest complete embedding: the built-in rhythm and packs, the sources found on the class path
 * (here the embedded sample company), one pack assembled and rendered as Markdown.
 *
 * <pre>{@code java -cp ... io.companyos.examples.embed.RenderOnePack ops-review}</pre>
 */
public final class RenderOnePack {
  private RenderOnePack() {}

  /** Renders {@code packId} at the sample company's as-of and returns the Markdown. */
  public static String render(String packId) {
    // 1. The company definition: built-ins here; DefinitionLoader().load(paths) reads your own YAML over them.
    CompanyDefinition company = BuiltinDefinitions.load();
    PackDefinition pack = company.packs().stream().filter(p -> p.id().equals(packId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pack '" + packId + "'"));
    // 2. The sources: discovered with ServiceLoader; openDefault() is the sample company.
    Instant asOf = Instant.parse("2026-11-23T09:00:00Z");
    try (Sources sources = SourceRegistry.discover().openDefault(Clock.fixed(asOf, ZoneOffset.UTC))) {
      // 3. Assemble: every section fetched from the sources, each value with its provenance.
      PackDocument doc = new PackAssembler(company, sources.all()).assemble(pack, asOf, ZoneId.of("UTC"));
      // 4. Render: Markdown here; HTML and JSON the same way.
      return new PackRenderer().render(doc, PackFormat.MD);
    }
  }

  public static void main(String[] args) {
    System.out.println(render(args.length > 0 ? args[0] : "ops-review"));
  }
}
