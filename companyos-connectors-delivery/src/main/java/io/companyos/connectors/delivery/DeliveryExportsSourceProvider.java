package io.companyos.connectors.delivery;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.connectors.common.ApiToken;
import io.companyos.connectors.common.PullCache;
import io.companyos.connectors.common.Pulls;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Provider of the {@code delivery-exports} source. Options: {@code path} (required; a file or a folder, relative to the
 * directory of sources.yaml), {@code mode} ({@code strict}, the default, or {@code lenient}) and {@code environments}
 * (comma-separated names of the production environments; by default what GitHub or GitLab marks as production, or an
 * environment named {@code production} or {@code prod}).
 */
public final class DeliveryExportsSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: delivery-exports}). */
  public static final String ID = "delivery-exports";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    Path path = context.baseDirectory().resolve(context.requireOption("path"));
    String mode = context.option("mode").orElse("strict");
    if (!mode.equals("strict") && !mode.equals("lenient")) {
      throw new SourceConfigException(context.sourceId(), "mode '" + mode + "' is neither strict nor lenient", null);
    }
    for (String key : context.options().keySet()) {
      if (!List.of("path", "mode", "environments", "repo").contains(key) && !Pulls.OPTIONS.contains(key)) {
        throw new SourceConfigException(context.sourceId(), "unknown option '" + key + "'",
            "the options are path, mode and environments, and for a live pull pull, api, repo, token_env, token_file and since");
      }
    }
    GitHubPull pull = null;
    if (context.option("pull").isPresent()) {
      String what = context.option("pull").get().strip();
      if (!what.equals("github")) {
        throw new SourceConfigException(context.sourceId(), "pull '" + what + "' is not an API this source pulls from", "write pull: github");
      }
      List<String> repos = context.option("repo").map(s -> Arrays.stream(s.split(",")).map(String::strip)
          .filter(r -> !r.isEmpty()).toList()).orElse(List.of());
      if (repos.isEmpty() || repos.stream().anyMatch(r -> !r.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"))) {
        throw new SourceConfigException(context.sourceId(), "repo must name one or more repositories as owner/name",
            "write e.g. 'repo: acme/shop, acme/api'");
      }
      pull = new GitHubPull(context.sourceId(), Pulls.api(context, "https://api.github.com/"), repos,
          ApiToken.of(context, "GitHub"), Pulls.sender(context), new PullCache(context.sourceId(), path), Pulls.since(context),
          context.clock(), io.companyos.model.base.RetryPolicy.Sleeper.real());
    } else {
      for (String o : List.of("api", "repo", "token_env", "token_file", "since")) {
        if (context.option(o).isPresent()) {
          throw new SourceConfigException(context.sourceId(), "option '" + o + "' is for a live pull, and pull is not set", "add pull: github");
        }
      }
    }
    List<String> environments = context.option("environments")
        .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList()).orElse(List.of());
    if (context.option("environments").isPresent() && environments.isEmpty()) {
      throw new SourceConfigException(context.sourceId(), "environments names no environment", "write e.g. 'environments: production, live'");
    }
    return new DeliveryExportsSource(context.sourceId(), path, mode.equals("strict"), new Settings(environments), context.clock(),
        pull);
  }
}
