package io.companyos.model.config;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a company's own definitions come from, decided the same way by every command and by the
 * Spring starter: the folders given explicitly ({@code --config DIR}, {@code companyos.config-dir});
 * else {@value #DEFAULT_DIRECTORY}{@code /} in the working directory when it exists; else the
 * built-in definitions alone. The folder is laid out like the seed
 * ({@code meeting-packs/<id>.yaml}, {@code rhythm.yaml}, {@code roles.yaml}, {@code raci.yaml},
 * {@code health-checks.yaml}, {@code dashboards.yaml}, {@code kpis.yaml}, {@code sources.yaml}); files
 * it has replace the built-in ones of the same kind, packs are added or replaced by id.
 */
public final class CompanyFolder {
  /** The folder looked for in the working directory when no folder is given. */
  public static final String DEFAULT_DIRECTORY = "companyos";
  /** The sources file looked for in the folder. */
  public static final String SOURCES_FILE = "sources.yaml";
  /** The people directory ({@code email,name,roles}) that role recipients resolve to. */
  public static final String DIRECTORY_FILE = "directory.csv";
  /** Delivery settings (webhooks, SMTP) as {@code COMPANYOS_*} properties over the environment. */
  public static final String DELIVERY_SETTINGS_FILE = "delivery.properties";

  /** How the folder was chosen. */
  public enum Origin {
    /** Given explicitly. */
    EXPLICIT,
    /** {@value CompanyFolder#DEFAULT_DIRECTORY}/ found in the working directory. */
    WORKING_DIRECTORY,
    /** No folder: the built-in definitions alone. */
    BUILTIN
  }

  private final List<Path> paths;
  private final Origin origin;

  private CompanyFolder(List<Path> paths, Origin origin) {
    this.paths = List.copyOf(paths);
    this.origin = origin;
  }

  /**
   * The folders to use: {@code explicit} when not empty, else {@code workingDirectory/companyos} when it
   * is a directory, else none (built-ins).
   */
  public static CompanyFolder resolve(List<Path> explicit, Path workingDirectory) {
    if (!explicit.isEmpty()) {
      return new CompanyFolder(explicit, Origin.EXPLICIT);
    }
    Path dflt = workingDirectory.resolve(DEFAULT_DIRECTORY);
    if (Files.isDirectory(dflt)) {
      return new CompanyFolder(List.of(workingDirectory.equals(Path.of("")) ? Path.of(DEFAULT_DIRECTORY) : dflt),
          Origin.WORKING_DIRECTORY);
    }
    return new CompanyFolder(List.of(), Origin.BUILTIN);
  }

  /** Exactly these folders or files (none: the built-ins). */
  public static CompanyFolder of(List<Path> paths) {
    return new CompanyFolder(paths, paths.isEmpty() ? Origin.BUILTIN : Origin.EXPLICIT);
  }

  /** The built-in definitions alone. */
  public static CompanyFolder builtin() {
    return new CompanyFolder(List.of(), Origin.BUILTIN);
  }

  /** The folders and files in use, empty for the built-ins. */
  public List<Path> paths() {
    return paths;
  }

  /** How the folder was chosen. */
  public Origin origin() {
    return origin;
  }

  /** True when only the built-in definitions are used. */
  public boolean isBuiltin() {
    return paths.isEmpty();
  }

  /**
   * The definitions: the built-ins (cached) or the folders over them.
   *
   * @throws ConfigException with every problem of the folder's files, each located
   */
  public CompanyDefinition load() {
    return load(new DefinitionLoader());
  }

  /** Like {@link #load()} with a loader of the caller's section types. */
  public CompanyDefinition load(DefinitionLoader loader) {
    return paths.isEmpty() ? BuiltinDefinitions.load() : loader.load(paths);
  }

  /**
   * The company's {@value #SOURCES_FILE}: the first folder that holds one (or a path that is itself a
   * sources file); empty when none does, which means the embedded sample company.
   */
  public Optional<Path> sourcesFile() {
    return file(SOURCES_FILE);
  }

  /**
   * The folder's file called {@code name} (e.g. {@value #DIRECTORY_FILE}): in the first folder that holds
   * one, or a given path that is itself such a file; empty when there is none.
   */
  public Optional<Path> file(String name) {
    for (Path p : paths) {
      if (Files.isDirectory(p) && Files.isRegularFile(p.resolve(name))) {
        return Optional.of(p.resolve(name));
      }
      if (Files.isRegularFile(p) && String.valueOf(p.getFileName()).equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** One line for stderr or a log saying which definitions are in use, e.g. "definitions: companyos/ over the built-ins". */
  public String describe() {
    if (paths.isEmpty()) {
      return "definitions: built-in (no --config and no ./" + DEFAULT_DIRECTORY + "/ folder)";
    }
    String names = paths.stream().map(p -> Files.isDirectory(p) ? p + "/" : p.toString())
        .map(s -> s.replace("//", "/")).collect(Collectors.joining(", "));
    return "definitions: " + names + " over the built-ins" + (origin == Origin.WORKING_DIRECTORY ? " (found in the working directory)" : "");
  }

  /**
   * The files of a starter folder, by path relative to the folder: every built-in definition as
   * editable YAML ({@code meeting-packs/<id>.yaml}, {@code rhythm.yaml}, ...) and a commented
   * {@code sources.yaml} that reads the sample company. The folder validates and renders as is.
   */
  public static java.util.SortedMap<String, String> starterFiles() {
    java.util.SortedMap<String, String> files = new java.util.TreeMap<>();
    for (String resource : BuiltinDefinitions.RESOURCES) {
      files.put(resource.substring(resource.indexOf('/') + 1), DefinitionLoader.readResource(resource));
    }
    files.put(SOURCES_FILE, DefinitionLoader.readResource("companyos/starter/" + SOURCES_FILE));
    return files;
  }

  @Override
  public String toString() {
    return describe();
  }
}
