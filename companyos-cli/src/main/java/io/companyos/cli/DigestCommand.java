package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.render.CompositeHealth;
import io.companyos.schedule.check.ActionContext;
import io.companyos.schedule.check.ActionRegistry;
import io.companyos.schedule.check.CheckResult;
import io.companyos.schedule.check.HealthCheckRunner;
import io.companyos.schedule.check.HealthDigest;
import io.companyos.scoring.health.HealthScore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * or posted to {@code COMPANYOS_SLACK_WEBHOOK_URL} with {@code --post}. Run it from cron at 6, 12 and 18.
 */
@Command(name = "digest", mixinStandardHelpOptions = true,
    description = {"Prints the health digest (the seed's Slack digest at 6am, 12pm, 6pm): health score and checks.",
        "With --post, sends it to the Slack incoming webhook in COMPANYOS_SLACK_WEBHOOK_URL. Evaluating fires no action."})
final class DigestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Mixin
  SourceOptions sources = new SourceOptions();

  @Option(names = "--as-of", paramLabel = "ISO", description = "Digest as of (default: the source's snapshot as-of, else now).")
  @Nullable Instant asOf;

  @Option(names = "--tz", paramLabel = "ZONE", defaultValue = "UTC", description = "Zone of the printed time (default ${DEFAULT-VALUE}).")
  ZoneId tz;

  @Option(names = "--post", description = "Post to COMPANYOS_SLACK_WEBHOOK_URL instead of printing only.")
  boolean post;

  @Override
  public Integer call() throws Exception {
    CompanyDefinition company = definitions.company();
    String text;
    try (RenderSources.Opened fixed = RenderSources.open(definitions.sources(sources.sourcesFile), asOf)) {
      Instant at = fixed.asOf();
      HealthScore score = CompositeHealth.evaluate(company, fixed.all(), at, tz);
      List<CheckResult> checks = new HealthCheckRunner(company.healthChecks().checks(), fixed.all(), ActionRegistry.discover(),
          ActionContext.defaults(), HealthCheckRunner.DEFAULT_COOLDOWN).evaluate(at);
      text = HealthDigest.text(at, tz, score, checks);
    }
    spec.commandLine().getOut().print(text);
    if (post) {
      String url = System.getenv("COMPANYOS_SLACK_WEBHOOK_URL");
      if (url == null || url.isBlank()) {
        throw new io.companyos.model.CompanyOsException("COS-CHK-005", "--post needs COMPANYOS_SLACK_WEBHOOK_URL", null,
            "export the Slack incoming-webhook URL");
      }
      String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("text", text));
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new io.companyos.model.CompanyOsException("COS-CHK-006", "Slack answered HTTP " + r.statusCode(), null, "check the webhook URL");
      }
      spec.commandLine().getErr().println("posted to Slack");
    }
    return 0;
  }
}
