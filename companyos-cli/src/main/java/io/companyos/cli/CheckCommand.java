package io.companyos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.delivery.DeliveryException;
import io.companyos.delivery.Directory;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.base.CompanyOsException;
import io.companyos.model.check.HealthChecks;
import io.companyos.model.config.CompanyFolder;
import io.companyos.model.config.DefinitionLoader;
import io.companyos.model.time.Durations;
import io.companyos.schedule.check.ActionContext;
import io.companyos.schedule.check.ActionRegistry;
import io.companyos.schedule.check.ActionResult;
import io.companyos.schedule.check.CheckLoop;
import io.companyos.schedule.check.CheckResult;
import io.companyos.schedule.check.CheckStateStore;
import io.companyos.schedule.check.DigestSchedule;
import io.companyos.schedule.check.Escalation;
import io.companyos.schedule.check.HealthCheckRunner;
import io.companyos.sources.Sources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code companyos check [--once | --every 5m]}: evaluates the health checks against the configured sources and
 * delivers their notifications, remembering where each stands in a locked state file so that repeated runs (from
 * cron, a timer, or the loop) retry what is owed and de-duplicate what was delivered.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Runs the automated health checks and delivers their pages and resolves.",
        "Once with --once (cron, a timer, a Kubernetes CronJob), or every interval until stopped (SIGTERM lets the "
        + "round in progress finish).",
        "Action URLs and keys come from the environment or --settings: COMPANYOS_SLACK_WEBHOOK_URL, "
        + "COMPANYOS_PAGERDUTY_ROUTING_KEY, COMPANYOS_STATUS_PAGE_URL, COMPANYOS_WEBHOOK_URL (see "
        + "docs/health-checks.md)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no check is firing, failing or owing a notification (checks without data are reported)",
        "1:a check is firing, failed or stale, a page or resolve is still undelivered, or the state was recovered",
        "2:usage error"})
final class CheckCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Mixin
  SourceOptions sources = new SourceOptions();

  @Option(names = "--once", description = "Run the checks once and exit (for cron, timers and CI).")
  boolean once;

  @Option(names = "--every", paramLabel = "DURATION",
      description = "Run every DURATION until stopped, e.g. 5m (default: the checks' interval, 5m in the seed).")
  @Nullable String every;

  @Option(names = "--at", paramLabel = "ISO", description = "Evaluate once at this instant (default: the source's snapshot as-of, else now).")
  @Nullable Instant at;

  @Option(names = "--checks", paramLabel = "FILE", description = "A health-checks.yaml (default: the company's checks).")
  @Nullable Path checksFile;

  @Option(names = "--state", paramLabel = "FILE", defaultValue = ".companyos/health-state.json",
      description = "Where check state is kept between runs (default ${DEFAULT-VALUE}; locked while a run uses it).")
  Path stateFile;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "Properties file of COMPANYOS_* action settings that override the environment. "
          + "Default: the company folder's delivery.properties, if any.")
  @Nullable Path settings;

  @Option(names = "--directory", paramLabel = "FILE",
      description = "People (email,name,roles) named in escalations. Default: the company folder's directory.csv; "
          + "the sample directory with the built-in definitions.")
  @Nullable Path directory;

  @Option(names = "--digest", description = "While running every interval, also post the Slack digest at 06:00, 12:00 and 18:00 "
      + "in the rhythm's time zone (to COMPANYOS_SLACK_WEBHOOK_URL).")
  boolean digest;

  @Option(names = "--digest-at", paramLabel = "HH:MM", split = ",", defaultValue = "06:00,12:00,18:00",
      description = "The digest's local times of day (default ${DEFAULT-VALUE}).")
  List<java.time.LocalTime> digestAt = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    if (once && every != null) {
      throw new ParameterException(spec.commandLine(), "--once and --every exclude each other");
    }
    CompanyDefinition company = definitions.company();
    HealthChecks checks = checksFile == null ? company.healthChecks()
        : new DefinitionLoader().loadHealthChecks(checksFile);
    Duration interval = every == null ? checks.interval() : interval(every);
    Map<String, String> env = ActionSettings.load(definitions.file(settings, CompanyFolder.DELIVERY_SETTINGS_FILE));
    Escalation escalation = Escalation.of(checks.escalation(), company.raci(), contacts(company));
    SourceOptions.Specs specs = SourceOptions.load(definitions.sources(sources.sourcesFile));
    Instant fixedAt = at != null ? at : RenderSources.defaultAsOf(specs.specs());
    boolean live = at == null && !fixedAt.equals(io.companyos.sources.sample.SampleSourceProvider.DEFAULT_AS_OF);
    try (Sources open = io.companyos.sources.SourceRegistry.discover().open(RenderSources.at(specs.specs(), fixedAt),
        Clock.systemUTC(), specs.baseDirectory())) {
      open.requireServedClaims();
      HealthCheckRunner runner = new HealthCheckRunner(checks.checks(), open.all(), ActionRegistry.discover(),
          ActionContext.of(env::get),
          new HealthCheckRunner.Settings(HealthCheckRunner.DEFAULT_COOLDOWN, HealthCheckRunner.Retry.DEFAULT, escalation))
          .withSlos(company.slos());
      DigestSchedule digests = new DigestSchedule(digestAt, DigestSchedule.zoneOf(company), DigestSchedule.DEFAULT_GRACE);
      Function<Instant, Boolean> round = when -> round(runner, when, company, open, env, digests);
      if (once || at != null) {
        return round.apply(live ? Clock.systemUTC().instant() : fixedAt) ? Main.EXIT_PROBLEMS : 0;
      }
      spec.commandLine().getErr().println("checking every " + Durations.format(interval) + " until stopped"
          + (digest ? "; digest at " + String.join(", ", digestAt.stream().map(Object::toString).toList()) + " "
              + digests.zone().getId() : ""));
      Clock clock = live ? Clock.systemUTC() : Clock.fixed(fixedAt, java.time.ZoneOffset.UTC);
      CheckLoop loop = new CheckLoop(interval, clock, when -> {
        try {
          round.apply(when);
        } catch (CompanyOsException e) {
          spec.commandLine().getErr().println(e.oneLine());
          spec.commandLine().getErr().flush();
        }
      });
      loop.stopOnShutdown(Duration.ofMinutes(2));
      loop.run();
      return 0;
    }
  }

  private Duration interval(String text) {
    try {
      Duration d = Durations.parse(text);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("not positive");
      }
      return d;
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--every must be a positive duration such as 5m or 1h, not '" + text + "'");
    }
  }

  /** One round: lock and read the state, run the checks, post the digest when due, print; true when there is a problem. */
  private boolean round(HealthCheckRunner runner, Instant when, CompanyDefinition company, Sources open, Map<String, String> env,
      DigestSchedule digests) {
    try (CheckStateStore state = CheckStateStore.open(stateFile)) {
      state.recovery().ifPresent(r -> {
        spec.commandLine().getErr().println("warning: " + r);
        spec.commandLine().getErr().flush();
      });
      List<CheckResult> results = runner.runOnce(when, state);
      String digestOutcome = null;
      if (digest && !once && at == null) {
        Optional<Instant> slot = digests.due(when, state.digestPosted().orElse(null));
        if (slot.isPresent()) {
          Optional<String> failure = DigestPost.post(env, DigestPost.text(company, open.all(), when, digests.zone(), results));
          if (failure.isEmpty()) {
            state.digestPosted(slot.get());
            state.save();
          }
          digestOutcome = "digest of " + slot.get() + ": " + failure.map(f -> "failed (" + f + "), retried next round").orElse("posted");
        }
      }
      print(when, results, digestOutcome);
      return state.recovery().isPresent() || results.stream().anyMatch(CheckResult::problem);
    }
  }

  /** The people holding a role, "Name <e-mail>", from the directory. */
  private Function<String, List<String>> contacts(CompanyDefinition company) {
    Path file = definitions.file(directory, CompanyFolder.DIRECTORY_FILE);
    Directory people;
    try {
      people = file != null ? Directory.load(file, company.roles())
          : definitions.folder().isBuiltin() ? Directory.sample(company.roles()) : new Directory(List.of());
    } catch (DeliveryException e) {
      spec.commandLine().getErr().println("escalations name roles only: " + e.getMessage());
      people = new Directory(List.of());
    }
    Directory d = people;
    return role -> d.holding(List.of(role), company.roles()).stream().map(p -> p.name() + " <" + p.email() + ">").toList();
  }

  private void print(Instant when, List<CheckResult> results, @Nullable String digestOutcome) throws RuntimeException {
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
        m.put("severity", r.severity());
        m.put("detail", r.detail());
        m.put("action", action(r.check().action(), r.action()));
        if (r.delivery() != null) {
          m.put("state", r.delivery().state().name().toLowerCase(Locale.ROOT));
          m.put("owed", r.delivery().owed().name().toLowerCase(Locale.ROOT));
          m.put("failed_runs", r.delivery().failedRuns());
          m.put("last_failure", r.delivery().lastFailure());
          m.put("receipt", r.delivery().receipt());
          m.put("escalation", action(r.delivery().escalation() == null ? "" : r.delivery().escalation().action(), r.delivery().escalation()));
          m.put("note", r.delivery().note());
        }
        m.put("source", r.provenance() == null ? null : r.provenance().sourceId());
        m.put("query", r.check().query());
        rows.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("at", when.toString());
      doc.put("checks", rows);
      if (digestOutcome != null) {
        doc.put("digest", digestOutcome);
      }
      try {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      out.flush();
      return;
    }
    out.println("health checks at " + when);
    for (CheckResult r : results) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %-18s %s", r.status(), r.check().name(), r.detail()));
      if (r.action() != null) {
        line.append("  -> ").append(r.check().action()).append(": ").append(r.action().outcome().name().toLowerCase(Locale.ROOT))
            .append(" (").append(r.action().detail()).append(')');
      }
      CheckResult.Delivery d = r.delivery();
      if (d != null) {
        line.append("  [").append(d.state().name().toLowerCase(Locale.ROOT));
        if (d.undelivered()) {
          line.append(", ").append(d.owed().name().toLowerCase(Locale.ROOT)).append(" owed, ").append(d.failedRuns())
              .append(d.failedRuns() == 1 ? " failed run" : " failed runs");
        }
        line.append(']');
        if (d.escalation() != null) {
          line.append("  escalated via ").append(d.escalation().action()).append(": ")
              .append(d.escalation().outcome().name().toLowerCase(Locale.ROOT))
              .append(d.escalation().delivered() ? "" : " (" + d.escalation().detail() + ")");
        }
        if (d.note() != null) {
          line.append("  (").append(d.note()).append(')');
        }
      }
      out.println(line);
    }
    if (digestOutcome != null) {
      out.println(digestOutcome);
    }
    out.flush();
  }

  private static @Nullable Map<String, Object> action(String name, @Nullable ActionResult a) {
    if (a == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("outcome", a.outcome().name().toLowerCase(Locale.ROOT));
    m.put("detail", a.detail());
    return m;
  }
}
