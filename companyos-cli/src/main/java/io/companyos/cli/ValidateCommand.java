package io.companyos.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.model.config.ConfigProblem;
import io.companyos.model.config.DefinitionLoader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code companyos validate PATH... [--builtin] [--format text|json]}: checks definition files
 * (packs, rhythm, health checks, roles, RACI, dashboards, KPIs) on top of the built-in ones and
 * prints every problem as {@code path:line:col: CODE message (hint)}. Exit 0 when valid, 1 when
 * there are problems, 2 for a wrong command line.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {"Checks definition files and directories; prints one line per problem to stderr.",
        "Files are overlaid on the built-in definitions, so references to built-in roles and meetings "
        + "resolve."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all definitions are valid", "1:problems were found", "2:usage error"})
final class ValidateCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "YAML files or directories (searched recursively for *.yaml and *.yml). "
          + "Default: ./companyos/ when it exists.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--builtin", description = "Validate the definitions shipped with companyos.")
  boolean builtin;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (problems on stderr) or json (a report on stdout). Default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Override
  public Integer call() {
    if (paths.isEmpty() && !builtin) {
      io.companyos.model.config.CompanyFolder folder = io.companyos.model.config.CompanyFolder.resolve(List.of(), Path.of(""));
      if (folder.isBuiltin()) {
        throw new ParameterException(spec.commandLine(), "validate needs at least one PATH, or --builtin "
            + "(or run it where a ./companyos/ folder is)");
      }
      paths.addAll(folder.paths());
    }
    // sources.yaml is checked against the installed providers: an unknown type or mode fails here, located.
    DefinitionLoader loader = new DefinitionLoader().withSourceCheck(io.companyos.sources.SourceRegistry.discover().check());
    Set<ConfigProblem> problems = new LinkedHashSet<>();
    if (builtin) {
      problems.addAll(loader.validateBuiltin());
    }
    if (!paths.isEmpty()) {
      problems.addAll(loader.validate(paths));
    }
    List<ConfigProblem> sorted = problems.stream().sorted(ConfigProblem.BY_LOCATION).toList();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == Format.json) {
      out.println(json(sorted));
    } else if (sorted.isEmpty()) {
      out.println("valid: " + describeInputs());
    } else {
      sorted.forEach(p -> err.println(p.oneLine()));
      err.println(sorted.size() + (sorted.size() == 1 ? " problem" : " problems") + " found");
    }
    return sorted.isEmpty() ? 0 : Main.EXIT_PROBLEMS;
  }

  private String describeInputs() {
    List<String> parts = new ArrayList<>();
    if (builtin) {
      parts.add("built-in definitions");
    }
    paths.forEach(p -> parts.add(p.toString()));
    return String.join(", ", parts);
  }

  private static String json(List<ConfigProblem> problems) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ConfigProblem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", p.code().code());
      m.put("file", p.file());
      m.put("line", p.line());
      m.put("column", p.column());
      m.put("message", p.message());
      m.put("hint", p.hint());
      items.add(m);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("valid", problems.isEmpty());
    report.put("problems", items);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
