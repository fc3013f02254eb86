package io.companyos.cli;

import io.companyos.render.CompositeHealth;
import io.companyos.render.HealthBadge;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code companyos badge --out health.svg}: the health-score badge for dashboards and READMEs. */
@Command(name = "badge", mixinStandardHelpOptions = true,
    description = "Writes the composite health score as an SVG badge (green healthy, amber watch, red at risk).")
final class BadgeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Mixin
  SourceOptions sources = new SourceOptions();

  @Option(names = "--out", required = true, paramLabel = "FILE.svg", description = "Where to write the badge.")
  Path out;

  @Option(names = "--as-of", paramLabel = "ISO", description = "Score as of (default: the source's snapshot as-of, else now).")
  @Nullable Instant asOf;

  @Override
  public Integer call() throws Exception {
    String svg;
    try (RenderSources.Opened opened = RenderSources.open(definitions.sources(sources.sourcesFile), asOf)) {
      svg = HealthBadge.svg(CompositeHealth.evaluate(definitions.company(), opened.all(), opened.asOf(), ZoneOffset.UTC));
    }
    io.companyos.model.base.OutputFiles.replace(out, svg);
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }
}
