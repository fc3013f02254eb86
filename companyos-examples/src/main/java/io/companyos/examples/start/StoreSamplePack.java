package io.companyos.examples.start;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.render.ArtifactStore;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Renders the ops review from the sample company and stores it as a pack file, the way {@code render} does. */
public final class StoreSamplePack {
  private StoreSamplePack() {}

  /**
   * Stores the ops review and prints where.
   *
   * @param args the folder to store into; {@code docs/meetings} when none is given
   */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "docs/meetings");
    CompanyDefinition company = BuiltinDefinitions.load();
    try (Sources sources = SourceRegistry.discover().openDefault(Clock.systemUTC())) {
      Instant asOf = sources.primary().snapshotAsOf().orElseThrow();
      PackAssembler assembler = new PackAssembler(company, sources.all());
      PackDocument doc = assembler.assemble(company.pack("ops-review").orElseThrow(), asOf, ZoneId.of("UTC"));
      String markdown = new PackRenderer().render(doc, PackFormat.MD);
      ArtifactStore.Stored stored = new ArtifactStore(root).write(ArtifactStore.kindDirectory(doc.packId()),
          ArtifactStore.fileStem(doc), "md", markdown, false);
      System.out.println(stored.path());
    }
  }
}
