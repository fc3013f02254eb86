package io.companyos.cli;

import io.companyos.model.base.CompanyOsException;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code companyos sources}: what the configured sources can serve. */
@Command(name = "sources", mixinStandardHelpOptions = true,
    description = "Checks the sources of sources.yaml (or the sample company): see 'sources check'.",
    subcommands = {SourcesCommand.Check.class})
final class SourcesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /**
   * {@code sources check}: connects to every configured source and reads, for each record kind it says it serves, every
   * row up to the as-of: the row count and the time range it holds, or the located reason it could not. A source that
   * answers metric queries is asked one: {@code vector(1)} where it takes a query language (Prometheus), else its first
   * metric. Exit 1 when anything failed.
   */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Connects to every configured source and reports, per record kind it serves, the rows and the time range "
          + "it holds up to the as-of, and whether it answers a metric query; exit 1 on any failure.")
  static final class Check implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    DefinitionOptions definitions = new DefinitionOptions();

    @Option(names = "--sources", paramLabel = "FILE",
        description = "sources.yaml naming the sources to check. Default: the company folder's sources.yaml, else the sample company.")
    @Nullable Path sources;

    @Option(names = "--as-of", paramLabel = "ISO", description = "Read rows up to this instant. "
        + "Default: the sample company's fixed as-of with the sample source, else now.")
    @Nullable String asOf;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int failures = 0;
      try (RenderSources.Opened opened = RenderSources.open(definitions.sources(sources), CliArguments.asOf(spec, asOf))) {
        Instant at = opened.asOf();
        TimeWindow all = new TimeWindow(Instant.EPOCH, at);
        Map<String, RecordKind<?>> known = new TreeMap<>();
        RecordKind.builtIn().forEach(k -> known.put(k.name(), k));
        for (MetricSource source : opened.all()) {
          SourceDescription d = source.describe();
          out.println(source.id() + " (" + d.type() + ")");
          err.println("sources check: " + source.id());
          err.flush();
          for (String kind : sorted(d.recordKinds())) {
            RecordKind<?> k = known.get(kind);
            if (k == null) {
              out.println("  " + kind + "\tnot read (a kind of the plugin's own)");
              continue;
            }
            try {
              out.println("  " + kind + "\t" + range(source, k, all));
            } catch (CompanyOsException e) {
              failures++;
              out.println("  " + kind + "\tFAILED " + e.oneLine());
            }
          }
          if (!d.metrics().isEmpty()) {
            String query = d.metrics().contains("*") ? "vector(1)" : d.metrics().get(0);
            try {
              Dataset<Series> answer = source.instant(query, at);
              out.println("  metrics\tanswers " + query + ": " + answer.rows().size() + " series");
            } catch (CompanyOsException e) {
              failures++;
              out.println("  metrics\tFAILED " + e.oneLine());
            }
          }
          out.flush();
        }
      }
      out.println(failures == 0 ? "All sources answered." : failures + (failures == 1 ? " check" : " checks") + " failed.");
      out.flush();
      return failures == 0 ? 0 : 1;
    }

    private static List<String> sorted(java.util.Set<String> kinds) {
      List<String> l = new ArrayList<>(kinds);
      l.sort(null);
      return l;
    }

    /** The rows of {@code kind} in {@code window}: their count, first and last time, and the source's own account. */
    private static <T> String range(MetricSource source, RecordKind<T> kind, TimeWindow window) {
      Dataset<T> rows = source.records(kind, window);
      if (rows.rows().isEmpty()) {
        return "no rows\t" + rows.provenance().query();
      }
      Instant first = null;
      Instant last = null;
      for (T r : rows.rows()) {
        Instant t = kind.timeOf(r);
        first = first == null || t.isBefore(first) ? t : first;
        last = last == null || t.isAfter(last) ? t : last;
      }
      return String.format(Locale.ROOT, "%d rows\t%s .. %s\t%s", rows.rows().size(), first, last, rows.provenance().query());
    }
  }
}
