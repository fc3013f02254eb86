package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.CompanyFolder;
import io.companyos.schedule.check.ActionContext;
import io.companyos.schedule.check.ActionRegistry;
import io.companyos.schedule.check.CheckResult;
import io.companyos.schedule.check.DigestSchedule;
import io.companyos.schedule.check.HealthCheckRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code companyos digest [--post]}: the seed's Slack digest (health score and every check), printed,
 * or posted to {@code COMPANYOS_SLACK_WEBHOOK_URL} with {@code --post}. Run it from cron at 6, 12 and 18 in the
 * rhythm's time zone, or let {@code check --every 5m --digest} post it.
 */
@Command(name = "digest", mixinStandardHelpOptions = true,
    description = {"Prints the health digest (the seed's Slack digest at 6am, 12pm, 6pm): health score and checks.",
        "With --post, sends it to the Slack incoming webhook in COMPANYOS_SLACK_WEBHOOK_URL (environment or "
        + "--settings).",
        "Evaluating fires no action. 'check --every 5m --digest' posts it at those times by itself."})
final class DigestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Mixin
  SourceOptions sources = new SourceOptions();

  @Option(names = "--as-of", paramLabel = "ISO", description = "Digest as of (default: the source's snapshot as-of, else now).")
  @Nullable Instant asOf;

  @Option(names = "--tz", paramLabel = "ZONE", description = "Zone of the printed time (default: the rhythm's time zone).")
  @Nullable ZoneId tz;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "Properties file of COMPANYOS_* settings that override the environment. "
          + "Default: the company folder's delivery.properties, if any.")
  @Nullable Path settings;

  @Option(names = "--post", description = "Post to COMPANYOS_SLACK_WEBHOOK_URL instead of printing only.")
  boolean post;

  @Override
  public Integer call() throws Exception {
    CompanyDefinition company = definitions.company();
    ZoneId zone = tz != null ? tz : DigestSchedule.zoneOf(company);
    String text;
    try (RenderSources.Opened fixed = RenderSources.open(definitions.sources(sources.sourcesFile), asOf)) {
      Instant at = fixed.asOf();
      List<CheckResult> checks = new HealthCheckRunner(company.healthChecks().checks(), fixed.all(), ActionRegistry.discover(),
          ActionContext.defaults(), HealthCheckRunner.DEFAULT_COOLDOWN).withSlos(company.slos()).evaluate(at);
      text = DigestPost.text(company, fixed.all(), at, zone, checks);
    }
    spec.commandLine().getOut().print(text);
    if (post) {
      Map<String, String> env = ActionSettings.load(definitions.file(settings, CompanyFolder.DELIVERY_SETTINGS_FILE));
      String url = env.get(DigestPost.URL);
      if (url == null || url.isBlank()) {
        throw new io.companyos.model.base.CompanyOsException("COS-CHK-005", "--post needs COMPANYOS_SLACK_WEBHOOK_URL", null,
            "export the Slack incoming-webhook URL or put it in --settings");
      }
      java.util.Optional<String> failure = DigestPost.post(env, text);
      if (failure.isPresent()) {
        throw new io.companyos.model.base.CompanyOsException("COS-CHK-006", failure.get(), null, "check the webhook URL");
      }
      spec.commandLine().getErr().println("posted to Slack");
    }
    return 0;
  }
}
