package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.render.GenerationLog;
import io.companyos.site.StaticSite;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code companyos site --out DIR}: the seed's dashboards as a static site (see {@link StaticSite}). */
@Command(name = "site", mixinStandardHelpOptions = true,
    description = {"Builds the dashboards as a static site: index.html, one page per dashboard with its latest pack and "
        + "history, rhythm.html (meetings, owners, participants), raci.html, kpis.html and badge.svg.",
        "Opens from disk or any static host."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:site written (some packs may be partial)", "1:some packs could not be produced", "2:usage error"})
final class SiteCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the site.")
  Path out;

  @Option(names = "--as-of", paramLabel = "ISO", description = "Instant the data is taken at. Default: the sample "
      + "company's fixed as-of with the sample source, else now.")
  @Nullable String asOf;

  @Option(names = "--tz", paramLabel = "ZONE", description = "IANA time zone for dates. Default: each meeting's zone.")
  @Nullable String tz;

  @Option(names = "--sources", paramLabel = "FILE", description = "sources.yaml naming the sources. Default: the company folder's sources.yaml, else the sample company.")
  @Nullable Path sources;

  @Option(names = "--history", paramLabel = "N", defaultValue = "4",
      description = "Packs listed by date per dashboard, the latest included (1-52). Default: ${DEFAULT-VALUE}.")
  int history = 4;

  @Option(names = "--role", paramLabel = "ROLE", split = ",",
      description = "Build the site a reader holding these roles may see. Default: each dashboard shows what "
          + "every role with access may see.")
  List<String> roles = new ArrayList<>();

  @Option(names = "--population", paramLabel = "N", description = "People expected to use the dashboards, for the "
      + "Dashboard Usage KPI. Default: not measured.")
  @Nullable Integer population;

  @Option(names = "--generation-log", paramLabel = "FILE", description = "Measure Pack Generation Success from this "
      + "log (written by 'render'). Default: this build's own pack generations.")
  @Nullable Path generationLog;

  @Override
  public Integer call() {
    if (history < 1 || history > 52) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--history must be between 1 and 52, was " + history);
    }
    CompanyDefinition company = definitions.company();
    CliArguments.roles(spec, company, roles);
    var zone = CliArguments.zone(spec, tz);
    RenderSources.Opened opened = RenderSources.open(definitions.sources(sources), CliArguments.asOf(spec, asOf));
    StaticSite.Result result;
    try (opened) {
      StaticSite site = new StaticSite(company, opened.all()).history(history).forReader(roles);
      if (population != null) {
        site.population(population);
      }
      if (generationLog != null) {
        if (!Files.isRegularFile(generationLog)) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--generation-log '" + generationLog
              + "' is not a file; 'companyos render' writes OUT/generation-log.csv");
        }
        site.generationLog(new GenerationLog(generationLog, spec.commandLine().getErr()::println));
      }
      result = site.write(out, opened.asOf(), zone);
    }
    PrintWriter err = spec.commandLine().getErr();
    result.locatedProblems().forEach(err::println);
    result.problems().forEach(p -> err.println("failed: " + p));
    err.printf(Locale.ROOT, "wrote %d files into %s (%d packs, %d partial, %d failed) as of %s%n", result.files().size(),
        out, result.packs(), result.partialPacks(), result.failedPacks(), opened.asOf());
    spec.commandLine().getOut().println(out.resolve("index.html"));
    return result.failedPacks() > 0 ? Main.EXIT_PROBLEMS : 0;
  }
}
