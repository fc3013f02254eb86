package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.CompanyFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --config DIR} option of every command that reads definitions. Without it the company
 * folder {@code ./companyos/} is used when it exists, else the built-in definitions; the choice is
 * said once on stderr. The folder's {@code sources.yaml}, when it has one, is the default for
 * {@code --sources}.
 */
final class DefinitionOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Company definition folder (or files) over the built-ins, laid out like 'companyos init' writes it. "
          + "Default: ./companyos/ when it exists, else the built-in definitions.")
  List<Path> config = new ArrayList<>();

  private @Nullable CompanyFolder folder;
  private @Nullable CompanyDefinition company;

  /** The folder in use (resolved once). */
  CompanyFolder folder() {
    if (folder == null) {
      folder = CompanyFolder.resolve(config, Path.of(""));
    }
    return folder;
  }

  /** The definitions in use; says which on stderr the first time. */
  CompanyDefinition company() {
    if (company == null) {
      CompanyFolder f = folder();
      company = f.load();
      mixee.commandLine().getErr().println(f.describe());
      mixee.commandLine().getErr().flush();
    }
    return company;
  }

  /** {@code explicit} when given, else the folder's sources.yaml, else null (the sample company). */
  @Nullable Path sources(@Nullable Path explicit) {
    return file(explicit, CompanyFolder.SOURCES_FILE);
  }

  /** {@code explicit} when given, else the folder's file called {@code name}, else null. */
  @Nullable Path file(@Nullable Path explicit, String name) {
    return explicit != null ? explicit : folder().file(name).orElse(null);
  }
}
