package io.companyos.cli;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.base.CompanyOsException;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.AccessPolicy;
import io.companyos.render.ArtifactStore;
import io.companyos.render.GenerationLog;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.render.TemplateLimits;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import io.companyos.sources.MetricSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code companyos render <pack>|--all}: assembles packs from the configured sources (the embedded
 * sample company by default) and writes them as Markdown, HTML and/or JSON into the artifact layout
 * under {@code --out}. Partial packs (some sections unavailable) are written and reported; the exit
 * code is 1 when any pack could not be produced at all.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {"Renders meeting packs from the configured sources (default: the built-in sample company).",
        "Files go to OUT/<kind>/<date>.<ext>, e.g. packs/ops-reviews/2026-11-23.md; a generation log is kept "
        + "in OUT."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every pack was produced (some may be partial)", "1:at least one pack failed", "2:usage error"})
final class RenderCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Parameters(paramLabel = "PACK", arity = "0..1", description = "Pack id, e.g. ops-review.")
  @Nullable String pack;

  @Option(names = "--all", description = "Render every pack.")
  boolean all;

  @Option(names = "--as-of", paramLabel = "ISO", description = "Instant the data is taken at, e.g. 2026-11-23T09:00:00Z. "
      + "Default: the sample company's fixed as-of with the sample source, else now.")
  @Nullable String asOf;

  @Option(names = "--tz", paramLabel = "ZONE", description = "IANA time zone for dates and periods. Default: each meeting's zone.")
  @Nullable String tz;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "md",
      description = "md, html, json, pdf, pptx, notion or confluence (whichever exporters are installed); "
          + "a comma list for several. Default: ${DEFAULT-VALUE}.")
  List<String> formats = new ArrayList<>(List.of("md"));

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "packs", description = "Output directory. Default: ${DEFAULT-VALUE}.")
  Path out = Path.of("packs");

  @Option(names = "--sources", paramLabel = "FILE", description = "sources.yaml naming the sources to read. Default: the company folder's sources.yaml, else the sample company.")
  @Nullable Path sources;

  @Option(names = "--templates", paramLabel = "DIR", defaultValue = "docs/meetings/templates",
      description = "Directory of Markdown template overrides (<pack-id>.md). Default: ${DEFAULT-VALUE}.")
  Path templates = Path.of("docs/meetings/templates");

  @Option(names = "--role", paramLabel = "ROLE", split = ",",
      description = "Render the copy a reader holding these roles may see: sections outside their visible_to are "
          + "replaced by a notice. Default: the full pack.")
  List<String> roles = new ArrayList<>();

  @Option(names = "--force", description = "Replace existing files instead of adding a version suffix.")
  boolean force;

  @Option(names = "--template-time-limit", paramLabel = "DURATION", defaultValue = "PT10S",
      description = "Time limit per template run (ISO-8601 duration). Default: 10 seconds.")
  Duration templateTime = Duration.ofSeconds(10);

  @Option(names = "--template-output-limit", paramLabel = "CHARS", defaultValue = "8000000",
      description = "Characters a template may write. Default: ${DEFAULT-VALUE}.")
  long templateOutput = 8_000_000L;

  @Option(names = "--section-timeout", paramLabel = "DURATION", defaultValue = "PT20S", hidden = true,
      description = "Time limit per section (ISO-8601 duration).")
  Duration sectionTimeout = Duration.ofSeconds(20);

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    CompanyDefinition company = definitions.company();
    List<PackDefinition> packs = selectPacks(company);
    CliArguments.roles(spec, company, roles);
    PackRenderer renderer = new PackRenderer(Files.isDirectory(templates) ? templates : null, templateLimits());
    Map<String, PackExporter> fmts = parseFormats(renderer);
    @Nullable ZoneId zone = CliArguments.zone(spec, tz);
    @Nullable Instant instant = CliArguments.asOf(spec, asOf);
    RenderSources.Opened opened = RenderSources.open(definitions.sources(sources), instant);
    Instant at = opened.asOf();
    ArtifactStore store = new ArtifactStore(out);
    GenerationLog log = new GenerationLog(out.resolve("generation-log.csv"));
    AccessPolicy access = AccessPolicy.of(company);
    int failed = 0;
    int partial = 0;
    List<String> failedIds = new ArrayList<>();
    try (opened) {
      PackAssembler assembler = new PackAssembler(company, opened.all(),
          io.companyos.render.SectionAssemblerRegistry.builtin(), sectionTimeout);
      int i = 0;
      for (PackDefinition p : packs) {
        i++;
        long t0 = System.nanoTime();
        Instant started = Clock.systemUTC().instant();
        ZoneId z = zone != null ? zone : zoneOf(company, p);
        try {
          PackDocument assembled = assembler.assemble(p, at, z);
          // Sections left out by a located problem (a bad row of a data file) say where, one line each, as errors do.
          assembled.locatedProblems().forEach(err::println);
          PackDocument doc = roles.isEmpty() ? assembled : access.redact(assembled, roles);
          Map<PackExporter, byte[]> rendered = new LinkedHashMap<>();
          for (PackExporter f : fmts.values()) {
            rendered.put(f, export(f, doc));
          }
          List<String> files = new ArrayList<>();
          for (var e : rendered.entrySet()) {
            ArtifactStore.Stored s = store.write(ArtifactStore.kindDirectory(p.id()), ArtifactStore.fileStem(doc),
                e.getKey().fileExtension(), e.getValue(), force);
            files.add(out.resolve(store.root().relativize(s.path())) + (s.outcome() == ArtifactStore.Outcome.WRITTEN ? ""
                : " (" + s.outcome().name().toLowerCase(Locale.ROOT) + ")"));
          }
          Duration took = Duration.ofNanos(System.nanoTime() - t0);
          String status = doc.partial() ? "partial" : "success";
          partial += doc.partial() ? 1 : 0;
          log.append(new GenerationLog.Entry(started, p.id(), String.join("+", fmts.keySet()),
              status, took, doc.availableSections(), doc.sections().size(), String.join(" ", files), ""));
          if (packs.size() > 1) {
            err.printf(Locale.ROOT, "[%d/%d] %s: %s (%s, %d ms)%n", i, packs.size(), p.id(), status, doc.availabilityLine(), took.toMillis());
          }
          files.forEach(stdout::println);
        } catch (CompanyOsException e) {
          failed++;
          failedIds.add(p.id());
          log.append(new GenerationLog.Entry(started, p.id(), "", "failure", Duration.ofNanos(System.nanoTime() - t0), 0,
              p.sections().size(), "", e.oneLine()));
          err.printf(Locale.ROOT, "[%d/%d] %s: failed: %s%n", i, packs.size(), p.id(), e.oneLine());
        }
      }
    }
    int produced = packs.size() - failed;
    err.printf(Locale.ROOT, "rendered %d of %d packs (%d partial, %d failed) as of %s into %s%n", produced, packs.size(),
        partial, failed, at, out);
    if (!failedIds.isEmpty() && packs.size() > 1) {
      err.printf(Locale.ROOT, "failed: %s%n", String.join(", ", failedIds));
    }
    err.flush();
    return failed > 0 ? Main.EXIT_PROBLEMS : 0;
  }

  private TemplateLimits templateLimits() {
    try {
      return TemplateLimits.DEFAULT.withTime(templateTime).withMaxOutputChars(templateOutput);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--template-time-limit and --template-output-limit must be positive");
    }
  }

  static ZoneId zoneOf(CompanyDefinition company, PackDefinition p) {
    if (p.meeting() != null) {
      return company.rhythm().meeting(p.meeting()).map(m -> m.zone()).orElse(p.timezone());
    }
    return p.timezone();
  }

  private List<PackDefinition> selectPacks(CompanyDefinition company) {
    if (all == (pack != null)) {
      throw new ParameterException(spec.commandLine(), "render needs a PACK id or --all (not both)");
    }
    if (all) {
      List<PackDefinition> ordered = new ArrayList<>();
      for (String id : BuiltinDefinitions.PACK_IDS) {
        company.pack(id).ifPresent(ordered::add);
      }
      company.packs().stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
      return ordered;
    }
    return List.of(company.findPack(pack).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "unknown pack '" + pack + "'; known packs: " + String.join(", ", company.packIds()))));
  }

  private Map<String, PackExporter> parseFormats(PackRenderer renderer) {
    // md, html and json go through this command's renderer so that --templates applies.
    PackExporters exporters = PackExporters.discover(renderer);
    Map<String, PackExporter> out = new LinkedHashMap<>();
    for (String f : formats) {
      String name = f.strip().toLowerCase(Locale.ROOT);
      PackExporter e = exporters.find(name)
          .orElseThrow(() -> new ParameterException(spec.commandLine(),
              "unknown format '" + f + "'; available: " + String.join(", ", exporters.formats())));
      out.putIfAbsent(e.format(), e);
    }
    return out;
  }

  private static byte[] export(PackExporter exporter, PackDocument doc) {
    try {
      return exporter.exportToBytes(doc);
    } catch (java.io.IOException e) {
      throw new io.companyos.render.RenderException("COS-RND-005", "cannot export " + exporter.format() + ": "
          + e.getMessage(), doc.packId(), "see the exporter's documentation for what it needs", e);
    }
  }
}
