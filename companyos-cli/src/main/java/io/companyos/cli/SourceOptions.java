package io.companyos.cli;

import io.companyos.model.config.DefinitionLoader;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --sources FILE} option shared by commands that read metrics: a {@code sources.yaml}, or,
 * without it, the embedded sample company.
 */
final class SourceOptions {
  @Option(names = "--sources", paramLabel = "FILE",
      description = "A sources.yaml naming the metric sources; default: the embedded sample company.")
  @Nullable Path sourcesFile;

  /** Opens the configured sources; problems in the file are located ConfigExceptions. */
  Sources open(Clock clock) {
    SourceRegistry registry = SourceRegistry.discover();
    if (sourcesFile == null) {
      return registry.openDefault(clock);
    }
    Path parent = sourcesFile.toAbsolutePath().getParent();
    return registry.open(new DefinitionLoader().loadSources(sourcesFile), clock, parent != null ? parent : Path.of("."));
  }
}
