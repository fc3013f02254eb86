package io.companyos.model.config;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.check.HealthChecks;
import io.companyos.model.config.internal.DefinitionAssembler;
import io.companyos.model.config.internal.FileParser;
import io.companyos.model.config.internal.Mark;
import io.companyos.model.config.internal.ParsedFile;
import io.companyos.model.config.internal.ProblemSink;
import io.companyos.model.config.internal.SourcesReader;
import io.companyos.model.config.internal.YamlLimits;
import io.companyos.model.config.internal.YamlNode;
import io.companyos.model.config.internal.YamlTreeReader;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.SectionTypeRegistry;
import io.companyos.model.rhythm.Rhythm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads definitions from YAML and reports every problem with its code, file, line and column.
 * A company's directory is laid out like the built-in resources ({@code meeting-packs/*.yaml},
 * {@code rhythm.yaml}, {@code roles.yaml}, ...); files it has replace the built-in ones, packs are
 * added or replaced by id, and every cross-file reference is checked on the result.
 */
public final class DefinitionLoader {
  private final FileParser parser;
  private final SectionTypeRegistry registry;

  /** A loader for the built-in section types. */
  public DefinitionLoader() {
    this(SectionTypeRegistry.builtin());
  }

  /** A loader that accepts the section types of {@code registry}. */
  public DefinitionLoader(SectionTypeRegistry registry) {
    this(registry, io.companyos.model.source.SourceCheck.NONE);
  }

  private DefinitionLoader(SectionTypeRegistry registry, io.companyos.model.source.SourceCheck sourceCheck) {
    this.registry = registry;
    this.parser = new FileParser(registry, YamlLimits.DEFAULT, sourceCheck);
  }

  /**
   * This loader, also checking every source of {@code sources.yaml} with {@code check} (the installed
   * providers: an unknown type or an option the provider refuses is {@code COS-YAML-031}, located).
   */
  public DefinitionLoader withSourceCheck(io.companyos.model.source.SourceCheck check) {
    return new DefinitionLoader(registry, check);
  }

  /**
   * The built-in definitions overlaid with the given files and directories (searched recursively
   * for {@code .yaml} and {@code .yml}).
   *
   * @throws ConfigException with every problem found
   */
  public CompanyDefinition load(List<Path> paths) {
    List<ConfigProblem> problems = new ArrayList<>();
    CompanyDefinition def = check(paths, problems);
    if (def == null) {
      throw new ConfigException(problems);
    }
    return def;
  }

  /** Like {@link #load} but returns the problems (empty when valid) instead of throwing. */
  public List<ConfigProblem> validate(List<Path> paths) {
    List<ConfigProblem> problems = new ArrayList<>();
    check(paths, problems);
    return problems.stream().sorted(ConfigProblem.BY_LOCATION).toList();
  }

  /** The problems of the built-in definitions on their own (empty for a correct build). */
  public List<ConfigProblem> validateBuiltin() {
    DefinitionAssembler.Result r = new DefinitionAssembler().base(builtinFiles()).assemble();
    return r.problems().stream().sorted(ConfigProblem.BY_LOCATION).toList();
  }

  /**
   * The built-in definitions; prefer {@link BuiltinDefinitions#load()}, which caches them.
   *
   * @throws ConfigException if the shipped resources are broken
   */
  public CompanyDefinition loadBuiltin() {
    DefinitionAssembler.Result r = new DefinitionAssembler().base(builtinFiles()).assemble();
    if (r.definition() == null) {
      throw new ConfigException(r.problems());
    }
    return r.definition();
  }

  /**
   * Reads one pack from YAML text without cross-file checks (roles and meetings are not resolved).
   *
   * @param name the file name shown in problems
   * @param id the pack id (normally the file stem)
   * @throws ConfigException with every problem of the text
   */
  public PackDefinition parsePack(String name, String id, String yaml) {
    return (PackDefinition) parseOne(name, id + ".yaml", yaml, DefinitionKind.PACK);
  }

  /** Reads a health-checks file from YAML text; see {@link #parsePack}. */
  public HealthChecks parseHealthChecks(String name, String yaml) {
    return (HealthChecks) parseOne(name, "health-checks.yaml", yaml, DefinitionKind.HEALTH_CHECKS);
  }

  /**
   * Reads a health-checks file; a file that is not UTF-8 is a located {@code COS-YAML-025} problem.
   *
   * @throws ConfigException with every problem of the file, located
   */
  public HealthChecks loadHealthChecks(Path file) {
    return parseHealthChecks(file.toString(), readText(file));
  }

  /**
   * The text of a definition file, decoded strictly as UTF-8 (a leading byte order mark dropped).
   *
   * @throws ConfigException {@code COS-YAML-025} at the first byte that is not UTF-8, or naming why the file
   *     cannot be read
   */
  public static String readText(Path file) {
    try {
      return io.companyos.model.TextFiles.readUtf8(file);
    } catch (io.companyos.model.TextFiles.NotUtf8 e) {
      throw new ConfigException(List.of(notUtf8(file.toString(), e)));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException(List.of(new ConfigProblem(ProblemCode.UNREADABLE, file.toString(), 0, 0,
          "no such file or directory", "check the path")));
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigException(List.of(new ConfigProblem(ProblemCode.UNREADABLE, file.toString(), 0, 0,
          "cannot read the file: " + e.getMessage(), "check the path and its permissions")));
    }
  }

  /** {@code COS-YAML-025} at the first byte of {@code file} that is not UTF-8. */
  static ConfigProblem notUtf8(String file, io.companyos.model.TextFiles.NotUtf8 e) {
    return new ConfigProblem(ProblemCode.UNREADABLE, file, e.line(), e.column(), e.getMessage(), "save it as UTF-8");
  }

  /**
   * Reads a company's {@code sources.yaml}.
   *
   * @throws ConfigException with every problem of the file, located
   */
  @SuppressWarnings("unchecked")
  public List<io.companyos.model.source.SourceSpec> loadSources(Path file) {
    String text;
    try {
      text = io.companyos.model.TextFiles.readUtf8(file);
    } catch (io.companyos.model.TextFiles.NotUtf8 e) {
      throw new ConfigException(List.of(notUtf8(file.toString(), e)));
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigException(List.of(unreadable(file, e)));
    }
    return (List<io.companyos.model.source.SourceSpec>) parseOne(file.toString(), "sources.yaml", text, DefinitionKind.SOURCES);
  }

  /** Reads a rhythm file from YAML text; see {@link #parsePack}. */
  public Rhythm parseRhythm(String name, String yaml) {
    return (Rhythm) parseOne(name, "rhythm.yaml", yaml, DefinitionKind.RHYTHM);
  }

  /**
   * Reads any one definition file from YAML text, detecting its kind; the value is a
   * {@link PackDefinition}, {@link HealthChecks}, {@link Rhythm}, {@link io.companyos.model.org.Roles},
   * {@link io.companyos.model.org.RaciMatrix}, or a list of dashboards or KPIs.
   */
  public Object parse(String name, String yaml) {
    Path p = Path.of(name.replace(':', '_'));
    Path parent = p.getParent();
    return parseOne(name, String.valueOf(p.getFileName()), yaml, null,
        parent == null ? "" : String.valueOf(parent.getFileName()));
  }

  private Object parseOne(String name, String fileName, String yaml, @Nullable DefinitionKind kind) {
    return parseOne(name, fileName, yaml, kind, "");
  }

  private Object parseOne(String name, String fileName, String yaml, @Nullable DefinitionKind kind, String parent) {
    ParsedFile f = parser.parse(name, fileName, parent, yaml, kind);
    if (f.value() == null || !f.problems().isEmpty()) {
      throw new ConfigException(f.problems());
    }
    return f.value();
  }

  private @Nullable CompanyDefinition check(List<Path> paths, List<ConfigProblem> problems) {
    List<ParsedFile> user = new ArrayList<>();
    List<Path> sloFiles = new ArrayList<>();
    for (Path p : paths.stream().distinct().toList()) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          List<Path> all = walk.filter(DefinitionLoader::isYaml).sorted().toList();
          // The folder's slos/ holds SLO specs written for other tools (OpenSLO, Sloth, Pyrra), read on their own.
          Path slos = p.resolve(SLO_DIRECTORY);
          all.stream().filter(f -> f.startsWith(slos)).forEach(sloFiles::add);
          List<Path> found = all.stream().filter(f -> !f.startsWith(slos)).toList();
          if (all.isEmpty()) {
            problems.add(new ConfigProblem(ProblemCode.UNREADABLE, p.toString(), 0, 0,
                "the directory holds no .yaml or .yml files", "check the path"));
          }
          for (Path f : found) {
            user.add(parseFile(f));
          }
        } catch (IOException | UncheckedIOException e) {
          problems.add(unreadable(p, e));
        }
      } else {
        user.add(parseFile(p));
      }
    }
    DefinitionAssembler.Result r = new DefinitionAssembler().base(builtinFiles()).override(user).assemble();
    problems.addAll(r.problems());
    sloFiles.addAll(sloEntries(paths, sloFiles, problems));
    io.companyos.model.slo.specs.SloSpecs slos = io.companyos.model.slo.specs.SloSpecs.NONE;
    if (!sloFiles.isEmpty()) {
      try {
        slos = io.companyos.model.slo.specs.SloSpecs.read(sloFiles);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    for (io.companyos.model.config.internal.Reference ref : r.sloReferences()) {
      if (slos.find(ref.id()).isEmpty()) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        slos.slos().forEach(spec -> names.add(spec.name()));
        problems.add(new ConfigProblem(ProblemCode.UNKNOWN_SLO, ref.file(), ref.mark().line(), ref.mark().column(),
            "no SLO spec is named '" + ref.id() + "' (" + ref.context() + ")",
            names.isEmpty() ? "no SLO specs are configured: add them to slos/ or name them under slos: in sources.yaml"
                : io.companyos.model.config.internal.Suggestions.hint(ref.id(), names)));
      }
    }
    return problems.isEmpty() ? r.definition().withSlos(slos) : null;
  }

  /**
   * The files and folders named by the {@code slos:} entry of each folder's sources.yaml (or of a given sources.yaml),
   * relative to that file; paths already read as part of a folder's {@value #SLO_DIRECTORY}/ are left out. A path that
   * does not exist is a located problem.
   */
  private static List<Path> sloEntries(List<Path> paths, List<Path> alreadyRead, List<ConfigProblem> problems) {
    java.util.Set<Path> out = new java.util.LinkedHashSet<>();
    for (Path p : paths.stream().distinct().toList()) {
      Path file = Files.isDirectory(p) ? p.resolve(CompanyFolder.SOURCES_FILE) : p;
      if (!Files.isRegularFile(file) || !String.valueOf(file.getFileName()).equals(CompanyFolder.SOURCES_FILE)) {
        continue;
      }
      String text;
      try {
        text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException | UncheckedIOException e) {
        continue; // reported with the file itself
      }
      // Syntax problems of the file are reported when it is read as a definition; only the paths are checked here.
      Optional<YamlNode> root = new YamlTreeReader(YamlLimits.DEFAULT).read(text, new ProblemSink(file.toString()));
      ProblemSink sink = new ProblemSink(file.toString());
      Path base = file.toAbsolutePath().getParent();
      for (Path slo : root.map(n -> SourcesReader.sloPaths(n, base, sink)).orElse(List.of())) {
        Path own = base.resolve(SLO_DIRECTORY).normalize();
        if (!slo.startsWith(own) && alreadyRead.stream().noneMatch(f -> f.toAbsolutePath().normalize().equals(slo))) {
          out.add(slo);
        }
      }
      problems.addAll(sink.problems());
    }
    return List.copyOf(out);
  }

  /** The company folder's directory of SLO specs (OpenSLO v1, Sloth prometheus/v1, Pyrra), see docs/slos.md. */
  public static final String SLO_DIRECTORY = "slos";

  private static boolean isYaml(Path p) {
    String n = String.valueOf(p.getFileName());
    return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
  }

  private ParsedFile parseFile(Path p) {
    String name = p.toString();
    Path parent = p.toAbsolutePath().getParent();
    String parentName = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    try {
      String text = io.companyos.model.TextFiles.readUtf8(p);
      return parser.parse(name, String.valueOf(p.getFileName()), parentName, text, null);
    } catch (io.companyos.model.TextFiles.NotUtf8 e) {
      ProblemSink sink = new ProblemSink(name);
      sink.add(ProblemCode.UNREADABLE, new Mark(e.line(), e.column()), e.getMessage(), "save it as UTF-8");
      return new ParsedFile(null, name, String.valueOf(p.getFileName()), null,
          new io.companyos.model.config.internal.BindContext(sink, SectionTypeRegistry.builtin()));
    } catch (java.nio.file.NoSuchFileException e) {
      return failed(name, p, ProblemCode.UNREADABLE, "no such file or directory", "check the path");
    } catch (IOException | OutOfMemoryError e) {
      return failed(name, p, ProblemCode.UNREADABLE, "cannot read the file: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), "check the path and its permissions");
    }
  }

  private ParsedFile failed(String name, Path p, ProblemCode code, String message, String hint) {
    ProblemSink sink = new ProblemSink(name);
    sink.add(code, Mark.FILE, message, hint);
    return new ParsedFile(null, name, String.valueOf(p.getFileName()), null,
        new io.companyos.model.config.internal.BindContext(sink, SectionTypeRegistry.builtin()));
  }

  private static ConfigProblem unreadable(Path p, Exception e) {
    return new ConfigProblem(ProblemCode.UNREADABLE, p.toString(), 0, 0,
        "cannot read the directory: " + e.getMessage(), "check the path and its permissions");
  }

  private List<ParsedFile> builtinFiles() {
    List<ParsedFile> files = new ArrayList<>();
    for (String resource : BuiltinDefinitions.RESOURCES) {
      String text = readResource(resource);
      String fileName = resource.substring(resource.lastIndexOf('/') + 1);
      String parent = resource.contains("/" + DefinitionKind.PACK_DIRECTORY + "/") ? DefinitionKind.PACK_DIRECTORY : "";
      files.add(parser.parse("classpath:" + resource, fileName, parent, text, null));
    }
    return files;
  }

  /** The text of a class-path resource of this module (UTF-8). */
  static String readResource(String resource) {
    try (InputStream in = DefinitionLoader.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in resource " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
