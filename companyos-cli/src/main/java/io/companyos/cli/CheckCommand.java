package io.companyos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.model.check.HealthChecks;
import io.companyos.model.config.DefinitionLoader;
import io.companyos.schedule.check.ActionContext;
import io.companyos.schedule.check.ActionRegistry;
import io.companyos.schedule.check.CheckResult;
import io.companyos.schedule.check.CheckStateStore;
import io.companyos.schedule.check.CheckStatus;
import io.companyos.schedule.check.HealthCheckRunner;
import io.companyos.sources.Sources;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code companyos check [--once]}: evaluates the health checks against the configured sources and fires
 * their actions, remembering state in a file so repeated runs from cron de-duplicate.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Runs the automated health checks (every 5 minutes, or once with --once) and fires their actions.",
        "Action URLs and keys come from the environment: COMPANYOS_SLACK_WEBHOOK_URL, COMPANYOS_PAGERDUTY_ROUTING_KEY,",
        "COMPANYOS_STATUS_PAGE_URL, COMPANYOS_WEBHOOK_URL (see docs/health-checks.md)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no check is firing (checks without data are reported)", "1:a check is firing or failed", "2:usage error"})
final class CheckCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Mixin
  SourceOptions sources = new SourceOptions();

  @Option(names = "--once", description = "Run the checks once and exit (for cron and CI).")
  boolean once;

  @Option(names = "--at", paramLabel = "ISO", description = "Evaluate at this instant (default: the source's snapshot as-of, else now).")
  @Nullable Instant at;

  @Option(names = "--checks", paramLabel = "FILE", description = "A health-checks.yaml (default: the built-in checks of the seed).")
  @Nullable Path checksFile;

  @Option(names = "--state", paramLabel = "FILE", defaultValue = ".companyos/health-state.json",
      description = "Where check state is kept between runs (default ${DEFAULT-VALUE}).")
  Path stateFile;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    HealthChecks checks = checksFile == null ? definitions.company().healthChecks()
        : new DefinitionLoader().parseHealthChecks(checksFile.toString(), Files.readString(checksFile));
    SourceOptions.Specs specs = SourceOptions.load(definitions.sources(sources.sourcesFile));
    Instant fixedAt = at != null ? at : RenderSources.defaultAsOf(specs.specs());
    boolean live = at == null && !fixedAt.equals(io.companyos.sources.sample.SampleSourceProvider.DEFAULT_AS_OF);
    try (Sources open = io.companyos.sources.SourceRegistry.discover().open(RenderSources.at(specs.specs(), fixedAt),
        Clock.systemUTC(), specs.baseDirectory())) {
      open.requireServedClaims();
      HealthCheckRunner runner = new HealthCheckRunner(checks.checks(), open.all(), ActionRegistry.discover(),
          ActionContext.defaults(), HealthCheckRunner.DEFAULT_COOLDOWN);
      while (true) {
        Instant when = live ? Clock.systemUTC().instant() : fixedAt;
        List<CheckResult> results = runner.runOnce(when, CheckStateStore.file(stateFile));
        print(when, results);
        boolean bad = results.stream().anyMatch(r -> r.status() == CheckStatus.FIRING || r.status() == CheckStatus.ERROR
            || r.status() == CheckStatus.STALE);
        if (once || at != null) {
          return bad ? Main.EXIT_PROBLEMS : 0;
        }
        Thread.sleep(checks.interval().toMillis());
      }
    }
  }

  private void print(Instant when, List<CheckResult> results) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (CheckResult r : results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", r.check().name());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("value", r.value());
        m.put("threshold", r.check().threshold().toString());
        m.put("labels", r.labels());
        m.put("detail", r.detail());
        m.put("action", r.action() == null ? null : Map.of("name", r.check().action(), "outcome",
            r.action().outcome().name().toLowerCase(Locale.ROOT), "detail", r.action().detail()));
        m.put("source", r.provenance() == null ? null : r.provenance().sourceId());
        m.put("query", r.check().query());
        rows.add(m);
      }
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("at", when.toString(), "checks", rows)));
      return;
    }
    out.println("health checks at " + when);
    for (CheckResult r : results) {
      String action = r.action() == null ? "" : "  -> " + r.check().action() + ": " + r.action().outcome().name().toLowerCase(Locale.ROOT)
          + " (" + r.action().detail() + ")";
      out.printf(Locale.ROOT, "%-8s %-18s %s%s%n", r.status(), r.check().name(), r.detail(), action);
    }
    out.flush();
  }
}
