package io.companyos.spring.autoconfigure;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.ArtifactStore;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.schedule.RhythmSchedule;
import io.companyos.schedule.ScheduleEntry;
import io.companyos.sources.Sources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The packs of the company as a service: list them with their next generation time, render one on
 * demand, or generate one into the artifact store (what the scheduler calls). Records metrics through
 * {@link PackMetrics} when Micrometer is present.
 */
public class CompanyOsPacks {
  private final CompanyDefinition company;
  private final Sources sources;
  private final PackAssembler assembler;
  private final PackRenderer renderer;
  private final ArtifactStore store;
  private final ZoneId zone;
  private final Clock clock;
  private final @Nullable PackMetrics metrics;

  public CompanyOsPacks(CompanyDefinition company, Sources sources, PackAssembler assembler, PackRenderer renderer, ArtifactStore store,
      ZoneId zone, Clock clock, @Nullable PackMetrics metrics) {
    this.company = company;
    this.sources = sources;
    this.assembler = assembler;
    this.renderer = renderer;
    this.store = store;
    this.zone = zone;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** A pack and when it is next generated. */
  public record PackInfo(String id, String name, @Nullable Instant nextGeneration) {}

  /** "Now" for packs: the primary source's snapshot as-of (the sample company's), else the clock. */
  public Instant asOf() {
    return sources.primary().snapshotAsOf().orElseGet(clock::instant);
  }

  public List<PackInfo> list() {
    Instant now = asOf();
    return company.packs().stream().map(p -> new PackInfo(p.id(), p.name(), nextRun(p, now).orElse(null))).toList();
  }

  /** The next generation time of {@code pack} after {@code from}, within a year. */
  public Optional<Instant> nextRun(PackDefinition pack, Instant from) {
    return RhythmSchedule.packRuns(pack, company.rhythm(), from, from.plus(Duration.ofDays(400))).stream()
        .map(ScheduleEntry::at).filter(t -> t.isAfter(from)).findFirst();
  }

  public PackDefinition pack(String id) {
    return find(id).orElseThrow(() -> new NoSuchElementException("no pack '" + id + "'"));
  }

  /** The pack with {@code id}, if the company has one. */
  public Optional<PackDefinition> find(String id) {
    return company.packs().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Assembles and renders {@code id} as of now. */
  public String render(String id, PackFormat format) {
    return renderer.render(assemble(pack(id), asOf()), format);
  }

  /** Assembles, renders as Markdown and stores {@code pack}; returns what the store did. */
  public ArtifactStore.Stored generate(PackDefinition pack, Instant at) {
    long start = System.nanoTime();
    try {
      PackDocument doc = assemble(pack, at);
      String md = renderer.render(doc, PackFormat.MD);
      ArtifactStore.Stored stored = store.write(ArtifactStore.kindDirectory(pack.id()), ArtifactStore.fileStem(doc), "md", md, false);
      if (metrics != null) {
        metrics.generated(pack.id(), true, System.nanoTime() - start);
        metrics.unavailable(pack.id(), doc.sections().stream().filter(s -> !s.available()).count());
      }
      return stored;
    } catch (RuntimeException e) {
      if (metrics != null) {
        metrics.generated(pack.id(), false, System.nanoTime() - start);
      }
      throw e;
    }
  }

  private PackDocument assemble(PackDefinition pack, Instant at) {
    return assembler.assemble(pack, at, zone);
  }

  public CompanyDefinition company() {
    return company;
  }
}
