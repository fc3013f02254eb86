package io.companyos.model.slo.specs;

import io.companyos.model.slo.SloIndicator;
import io.companyos.model.slo.SloSpec;

import io.companyos.model.config.ConfigException;
import io.companyos.model.config.ConfigProblem;
import io.companyos.model.config.ProblemCode;
import io.companyos.model.config.internal.Mark;
import io.companyos.model.config.internal.ProblemSink;
import io.companyos.model.config.internal.SloSpecReader;
import io.companyos.model.config.internal.YamlLimits;
import io.companyos.model.config.internal.YamlNode;
import io.companyos.model.config.internal.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The company's SLOs, read from files or folders of OpenSLO v1, Sloth {@code prometheus/v1} and Pyrra specs (the
 * {@code slos:} entry of {@code sources.yaml}, or the company folder's {@code slos/}). Every problem of every file is
 * reported at once, located, as a {@link ConfigException}; what is read but not computed as written comes back as
 * warnings ({@code file:line:col: COS-SLO-004 message}).
 *
 * @param slos the SLOs, in file order (files sorted by name), names unique
 * @param warnings located warnings, one line each
 */
public record SloSpecs(List<SloSpec> slos, List<String> warnings) {
  /** No SLOs. */
  public static final SloSpecs NONE = new SloSpecs(List.of(), List.of());

  public SloSpecs {
    slos = List.copyOf(slos);
    warnings = List.copyOf(warnings);
  }

  /** The SLO named {@code name}. */
  public Optional<SloSpec> find(String name) {
    return slos.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * Reads every {@code .yaml}/{@code .yml} file of {@code paths} (a file, or a folder read recursively in name order).
   *
   * @throws ConfigException with every problem found, each with its file, line and column
   */
  public static SloSpecs read(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))).sorted().forEach(files::add);
        } catch (IOException e) {
          problems.add(new ConfigProblem(ProblemCode.UNREADABLE, p.toString(), 0, 0, "cannot list the folder: " + e.getMessage(), null));
        }
      } else {
        files.add(p);
      }
    }
    List<SloSpec> slos = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, SloSpec> byName = new HashMap<>();
    for (Path f : files) {
      ProblemSink sink = new ProblemSink(f.toString());
      String text;
      try {
        text = io.companyos.model.TextFiles.readUtf8(f);
      } catch (io.companyos.model.TextFiles.NotUtf8 e) {
        sink.add(ProblemCode.UNREADABLE, new Mark(e.line(), e.column()), e.getMessage(), "save it as UTF-8");
        problems.addAll(sink.problems());
        continue;
      } catch (IOException e) {
        sink.add(ProblemCode.UNREADABLE, Mark.FILE, "cannot read the file: " + e.getMessage(), null);
        problems.addAll(sink.problems());
        continue;
      }
      SloSpecReader.Result r = readText(text, sink);
      for (SloSpec s : r.slos()) {
        SloSpec before = byName.putIfAbsent(s.name(), s);
        if (before != null) {
          int[] at = position(s.origin());
          problems.add(new ConfigProblem(ProblemCode.DUPLICATE_ID, f.toString(), at[0], at[1],
              "SLO '" + s.name() + "' is defined twice", "first at " + before.origin()));
        } else {
          slos.add(s);
        }
      }
      warnings.addAll(r.warnings());
      problems.addAll(sink.problems());
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new SloSpecs(slos, warnings);
  }

  /** Reads the specs of one text (a file's content) named {@code file}; for tests and embedding. */
  public static SloSpecs parse(String file, String text) {
    ProblemSink sink = new ProblemSink(file);
    SloSpecReader.Result r = readText(text, sink);
    if (!sink.isClean()) {
      throw new ConfigException(sink.problems());
    }
    return new SloSpecs(r.slos(), r.warnings());
  }

  /** The SLOs of every YAML document of {@code text}; problems go to {@code sink}. */
  private static SloSpecReader.Result readText(String text, ProblemSink sink) {
    Optional<List<YamlNode>> docs = new YamlTreeReader(YamlLimits.DEFAULT).readAll(text, sink);
    return docs.map(d -> SloSpecReader.read(d, sink)).orElse(new SloSpecReader.Result(List.of(), List.of()));
  }

  /** Line and column of an origin {@code file:line:col (format)}; 0 and 0 when it has none. */
  private static int[] position(String origin) {
    String[] parts = origin.split(" ")[0].split(":");
    return parts.length >= 3 ? new int[] {Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1])}
        : new int[] {0, 0};
  }
}
