package io.companyos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.model.data.Change;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraLevel;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.dora.WindowDeployments;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.UnsupportedQueryException;
import io.companyos.sources.files.DoraScan;
import io.companyos.sources.files.FilesSource;
import io.companyos.sources.files.FilesSourceProvider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code companyos score dora --data DIR}: the four DORA keys from Four Keys-style CSVs
 * ({@code changes.csv}, {@code deployments.csv}, {@code incidents.csv}; see docs/data-formats.md).
 */
@Command(name = "dora", mixinStandardHelpOptions = true,
    description = {"Computes the DORA keys and their levels from changes.csv, deployments.csv and incidents.csv: the "
        + "four keys, failed deployment recovery time and deployment rework rate.",
        "Default window: the 30 days up to the end of the day of the latest deployment in the data."})
final class ScoreDoraCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory with the Four Keys CSV files.")
  Path data;

  @Option(names = "--from", paramLabel = "ISO", description = "Window start (default: --to minus 30 days).")
  @Nullable Instant from;

  @Option(names = "--to", paramLabel = "ISO", description = "Window end, exclusive (default: end of the latest deployment's day).")
  @Nullable Instant to;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--benchmark", paramLabel = "YEAR", defaultValue = "2024",
      description = "DORA report year whose bands give the levels: 2024 or 2023 (default ${DEFAULT-VALUE}).")
  String benchmark = "2024";

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) {
      throw new ParameterException(spec.commandLine(), "--data " + data + " is not a directory");
    }
    MetricSource files = new FilesSourceProvider().create(
        SourceContext.of("files", Map.of("dir", data.toString()), Clock.systemUTC(), Path.of(".")));
    // Only what the keys of [start, end) need: deployments before the end (an earlier deploy decides which deploy was a
    // change's first), changes created before the end (a later one has no positive lead time), incidents of any time
    // (one created after the window can name a deployment in it).
    Instant end = to != null ? to : latestDeployDayEnd(files);
    Instant start = from != null ? from : end.minus(Duration.ofDays(30));
    if (!start.isBefore(end)) {
      throw new ParameterException(spec.commandLine(), "--from must be before --to");
    }
    DoraBenchmark bands;
    try {
      bands = DoraBenchmark.ofYear(benchmark);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--benchmark " + e.getMessage());
    }
    TimeWindow window = new TimeWindow(start, end);
    Path deploysFile = data.resolve("deployments.csv");
    if (Files.isRegularFile(deploysFile) && Files.size(deploysFile) > FilesSource.WINDOWED_READ_BYTES) {
      // Big exports: the columnar scan (no record per row); it declines files with bad rows, which the record path reports.
      // The incidents (a small file) are read meanwhile on another thread; a bad row in them is reported as before.
      java.util.concurrent.FutureTask<List<Incident>> reading = new java.util.concurrent.FutureTask<>(
          () -> optional(files, RecordKind.INCIDENTS, ALL_TIME));
      Thread reader = new Thread(reading, "incidents");
      reader.setDaemon(true);
      reader.start();
      Optional<DoraScan.Result> scan = DoraScan.scan(data, window);
      List<Incident> incidents = result(reading);
      if (scan.isPresent()) {
        DoraScan.Result s = scan.get();
        WindowDeployments deploys = WindowDeployments.distinct(s.deploySeconds(), s.deployNanos(), s.deployFailed(), s::deployId,
            s::deployIndex);
        print(DoraMetrics.compute(DoraMetrics.LeadTimes.of(s.leadHours(), s.leadChangeIds()::get), deploys, incidents, window, bands),
            spec.commandLine().getOut());
        return 0;
      }
    }
    List<Incident> incidents = optional(files, RecordKind.INCIDENTS, ALL_TIME);
    TimeWindow upToEnd = new TimeWindow(EPOCH_FLOOR, end);
    List<Deployment> deployments = files.records(RecordKind.DEPLOYMENTS, upToEnd).rows();
    List<Change> changes = optional(files, RecordKind.CHANGES, upToEnd);
    DoraResult r = DoraMetrics.compute(changes, deployments, incidents, window, bands);
    print(r, spec.commandLine().getOut());
    return 0;
  }

  private static final Instant EPOCH_FLOOR = Instant.parse("1970-01-01T00:00:00Z");
  private static final TimeWindow ALL_TIME = new TimeWindow(EPOCH_FLOOR, Instant.parse("2200-01-01T00:00:00Z"));

  /** The end of the day of the latest deployment. */
  private Instant latestDeployDayEnd(MetricSource files) {
    return files.records(RecordKind.DEPLOYMENTS, ALL_TIME).rows().stream().map(Deployment::timeCreated).max(Comparator.naturalOrder())
        .map(t -> t.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS)).orElseThrow(
            () -> new ParameterException(spec.commandLine(), "deployments.csv holds no deployments; give --to"));
  }

  /** The result of {@code task}, or what it threw (a bad row in the file, say), unwrapped. */
  private static <T> T result(java.util.concurrent.FutureTask<T> task) throws Exception {
    try {
      return task.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw (Error) e.getCause();
    }
  }

  private static <T> List<T> optional(MetricSource s, RecordKind<T> kind, TimeWindow w) {
    try {
      return s.records(kind, w).rows();
    } catch (UnsupportedQueryException e) {
      return List.of(); // the file is absent: the keys that need it show n/a
    }
  }

  private void print(DoraResult r, PrintWriter out) throws Exception {
    if (format == Format.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("window", ordered("start", r.window().start().toString(), "end", r.window().end().toString()));
      m.put("deployment_frequency", key(r.deploysPerDay(), "deploys_per_day", r.deploymentFrequencyLevel(),
          ordered("deployments", r.deployments(), "deploy_days_per_week", value(r.deployDaysPerWeek()))));
      m.put("lead_time_for_changes", key(r.leadTimeHoursMedian(), "median_hours", r.leadTimeLevel(), Map.of("changes", r.changesDeployed())));
      m.put("change_failure_rate", key(r.changeFailureRate(), "rate", r.changeFailureLevel(), Map.of("failed_deployments", r.failedDeployments())));
      m.put("time_to_restore", key(r.timeToRestoreHoursMedian(), "median_hours", r.timeToRestoreLevel(), Map.of("incidents_resolved", r.incidentsResolved())));
      m.put("failed_deployment_recovery_time", key(r.failedDeploymentRecoveryHoursMedian(), "median_hours",
          r.failedDeploymentRecoveryLevel(), Map.of("incidents_resolved", r.changeFailuresResolved())));
      m.put("deployment_rework_rate", key(r.reworkRate(), "rate", null, Map.of("rework_deployments", r.reworkDeployments())));
      m.put("overall", level(r.overall()));
      m.put("benchmark", r.benchmark().year());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
      return;
    }
    out.println("DORA keys, " + r.window().start() + " to " + r.window().end() + " (levels by the DORA " + r.benchmark().year() + " bands)");
    out.printf(Locale.ROOT, "%-24s %-26s %s%n", "key", "value", "level");
    out.printf(Locale.ROOT, "%-24s %-26s %s%n", "deployment frequency", fmt(r.deploysPerDay(), "%.2f / day") + " (" + r.deployments() + ")", level(r.deploymentFrequencyLevel()));
    out.printf(Locale.ROOT, "%-24s %-26s %s%n", "lead time for changes", fmt(r.leadTimeHoursMedian(), "%.1f h median"), level(r.leadTimeLevel()));
    out.printf(Locale.ROOT, "%-24s %-26s %s%n", "change failure rate", fmt(scale(r.changeFailureRate(), 100), "%.1f%%")
        + " (" + r.failedDeployments() + "/" + r.deployments() + ")", level(r.changeFailureLevel()));
    out.printf(Locale.ROOT, "%-24s %-26s %s%n", "time to restore", fmt(r.timeToRestoreHoursMedian(), "%.1f h median"), level(r.timeToRestoreLevel()));
    out.printf(Locale.ROOT, "%-24s %-26s %s%n", "failed deploy recovery", fmt(r.failedDeploymentRecoveryHoursMedian(), "%.1f h median"),
        level(r.failedDeploymentRecoveryLevel()));
    out.printf(Locale.ROOT, "%-24s %-26s %s%n", "deployment rework rate", fmt(scale(r.reworkRate(), 100), "%.1f%%")
        + " (" + r.reworkDeployments() + "/" + r.deployments() + ")", "(no bands)");
    out.println("overall: " + level(r.overall()));
  }

  /**
   * A map of the pairs in the order given (the JSON's key order; {@code Map.of} has none and refuses a null value,
   * such as deploy days per week with no deployment).
   */
  private static Map<String, Object> ordered(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> key(OptionalDouble v, String name, @Nullable DoraLevel level, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(name, value(v));
    m.putAll(extra);
    m.put("level", level(level));
    return m;
  }

  private static @Nullable Double value(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }

  private static OptionalDouble scale(OptionalDouble v, double f) {
    return v.isPresent() ? OptionalDouble.of(v.getAsDouble() * f) : v;
  }

  private static String fmt(OptionalDouble v, String pattern) {
    return v.isPresent() ? String.format(Locale.ROOT, pattern, v.getAsDouble()) : "n/a (no data in the window)";
  }

  private static String level(@Nullable DoraLevel l) {
    return l == null ? "n/a" : l.name().toLowerCase(Locale.ROOT);
  }
}
