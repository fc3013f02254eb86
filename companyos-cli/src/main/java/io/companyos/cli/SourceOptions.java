package io.companyos.cli;

import io.companyos.model.config.DefinitionLoader;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import io.companyos.model.source.SourceSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --sources FILE} option shared by commands that read metrics: a {@code sources.yaml}, or,
 * without it, the embedded sample company.
 */
final class SourceOptions {
  @Option(names = "--sources", paramLabel = "FILE",
      description = "A sources.yaml naming the metric sources; default: the company folder's sources.yaml, else the embedded sample company.")
  @Nullable Path sourcesFile;

  /** Source specifications and the directory their relative paths resolve against. */
  record Specs(List<SourceSpec> specs, Path baseDirectory) {}

  /**
   * The specs of {@code file}, or the default (the sample company) when it is null; problems in the file
   * are located ConfigExceptions.
   */
  static Specs load(@Nullable Path file) {
    if (file == null) {
      return new Specs(List.of(SourceSpec.of(SourceRegistry.DEFAULT_SOURCE, SourceRegistry.DEFAULT_SOURCE, java.util.Map.of())), Path.of("."));
    }
    Path parent = file.toAbsolutePath().getParent();
    return new Specs(new DefinitionLoader().loadSources(file), parent != null ? parent : Path.of("."));
  }

  /**
   * Opens the configured sources: {@code --sources}, else the sources.yaml of ./companyos/ when there is
   * one, else the sample company.
   */
  Sources open(Clock clock) {
    return open(load(sourcesFile != null ? sourcesFile
        : io.companyos.model.config.CompanyFolder.resolve(List.of(), Path.of("")).sourcesFile().orElse(null)), clock);
  }

  private static Sources open(Specs s, Clock clock) {
    return SourceRegistry.discover().open(s.specs(), clock, s.baseDirectory());
  }
}
