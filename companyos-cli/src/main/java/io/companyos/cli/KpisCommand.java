package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.render.GenerationLog;
import io.companyos.site.RhythmKpiPage;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code companyos kpis}: the rhythm-effectiveness KPIs, targets against measured values. */
@Command(name = "kpis", mixinStandardHelpOptions = true,
    description = {"Prints the rhythm-effectiveness KPIs: the targets of kpis.yaml against values measured from "
        + "meeting, decision, action-item and dashboard-view records and the pack generation log.",
        "With --catalog, prints the catalog of every KPI the packs show."})
final class KpisCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Option(names = "--format", paramLabel = "md|html", defaultValue = "md", description = "Default: ${DEFAULT-VALUE}.")
  String format = "md";

  @Option(names = "--as-of", paramLabel = "ISO", description = "Measure up to this instant. Default: the sample "
      + "company's as-of with the sample source, else now.")
  @Nullable String asOf;

  @Option(names = "--sources", paramLabel = "FILE", description = "sources.yaml naming the sources. Default: the company folder's sources.yaml, else the sample company.")
  @Nullable Path sources;

  @Option(names = "--generation-log", paramLabel = "FILE", description = "Generation log written by 'render' "
      + "(OUT/generation-log.csv). Default: none, so Pack Generation Success is n/a.")
  @Nullable Path generationLog;

  @Option(names = "--population", paramLabel = "N", description = "People expected to use the dashboards. "
      + "Default: none, so Dashboard Usage is n/a.")
  @Nullable Integer population;

  @Option(names = "--catalog", description = "Print the KPI catalog instead (every KPI the packs show: id, definition, "
      + "unit, good direction, window rule, the scoring function), as the Markdown table of docs/kpis.md.")
  boolean catalog;

  @Override
  public Integer call() {
    if (!format.equals("md") && !format.equals("html")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be md or html");
    }
    if (catalog) {
      if (!format.equals("md")) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--catalog prints Markdown only; drop --format html");
      }
      spec.commandLine().getOut().print(io.companyos.scoring.catalog.KpiCatalog.markdown());
      spec.commandLine().getOut().flush();
      return 0;
    }
    CompanyDefinition company = definitions.company();
    RenderSources.Opened opened = RenderSources.open(definitions.sources(sources), CliArguments.asOf(spec, asOf));
    List<RhythmKpiPage.Row> rows;
    try (opened) {
      rows = RhythmKpiPage.measure(company, opened.all(), opened.asOf(),
          generationLog == null ? null : new GenerationLog(generationLog, spec.commandLine().getErr()::println),
          population == null ? OptionalInt.empty() : OptionalInt.of(population));
    }
    spec.commandLine().getOut().print(format.equals("md") ? RhythmKpiPage.markdown(rows, opened.asOf())
        : RhythmKpiPage.html(rows, opened.asOf()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
