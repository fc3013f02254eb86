package io.companyos.connectors.work;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.connectors.common.ApiToken;
import io.companyos.connectors.common.PullCache;
import io.companyos.connectors.common.Pulls;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * Provider of the {@code work-exports} source. Options: {@code path} (required; a file or a folder, relative to the
 * directory of sources.yaml), {@code mode} ({@code strict}, the default, or {@code lenient}),
 * {@code story_points_field} (the issue field that holds story points, default {@code customfield_10016}),
 * {@code issuetype.<name>} ({@code story}, {@code task} or {@code bug}: the kind of an issue type) and
 * {@code escaped_label} (the label that marks a bug found in production).
 */
public final class WorkExportsSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: work-exports}). */
  public static final String ID = "work-exports";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    String sourceId = context.sourceId();
    Path path = context.baseDirectory().resolve(context.requireOption("path"));
    String mode = context.option("mode").orElse("strict");
    if (!mode.equals("strict") && !mode.equals("lenient")) {
      throw new SourceConfigException(sourceId, "mode '" + mode + "' is neither strict nor lenient", null);
    }
    Map<String, String> types = Settings.defaultTypes();
    for (Map.Entry<String, String> o : context.options().entrySet()) {
      String key = o.getKey();
      String value = o.getValue().strip();
      if (key.startsWith("issuetype.")) {
        String name = key.substring("issuetype.".length());
        if (name.isBlank()) {
          throw new SourceConfigException(sourceId, "option '" + key + "' names no issue type", null);
        }
        if (!Settings.KINDS.contains(value)) {
          throw new SourceConfigException(sourceId, "option '" + key + "': '" + value + "' is none of story, task, bug", null);
        }
        types.put(Settings.key(name), value);
      } else if (!key.equals("path") && !key.equals("mode") && !key.equals("story_points_field") && !key.equals("escaped_label")
          && !key.equals("board") && !key.equals("user") && !Pulls.OPTIONS.contains(key)) {
        throw new SourceConfigException(sourceId, "unknown option '" + key + "'",
            "the options are path, mode, story_points_field, issuetype.<name> and escaped_label, and for a live pull "
                + "pull, api, board, user, token_env, token_file and since");
      }
    }
    String field = context.option("story_points_field").map(String::strip).orElse(Settings.DEFAULT_POINTS_FIELD);
    if (field.isEmpty()) {
      throw new SourceConfigException(sourceId, "story_points_field names no field", "write e.g. 'story_points_field: customfield_10026'");
    }
    String label = context.option("escaped_label").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    JiraPull pull = null;
    if (context.option("pull").isPresent()) {
      String what = context.option("pull").get().strip();
      if (!what.equals("jira")) {
        throw new SourceConfigException(sourceId, "pull '" + what + "' is not an API this source pulls from", "write pull: jira");
      }
      if (context.option("api").isEmpty()) {
        throw new SourceConfigException(sourceId, "pull: jira needs api, the site's address", "write e.g. 'api: https://acme.atlassian.net'");
      }
      java.util.List<String> boards = context.option("board").map(b -> java.util.Arrays.stream(b.split(",")).map(String::strip)
          .filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of());
      if (boards.isEmpty() || boards.stream().anyMatch(b -> !b.matches("\\d{1,12}"))) {
        throw new SourceConfigException(sourceId, "board must name one or more board ids (numbers)", "write e.g. 'board: 42'");
      }
      pull = new JiraPull(sourceId, Pulls.api(context, ""), boards, context.option("user").map(String::strip).orElse(null),
          ApiToken.of(context, "Jira"), field, Pulls.sender(context), new PullCache(sourceId, path), Pulls.since(context),
          context.clock());
    } else {
      for (String o : java.util.List.of("api", "board", "user", "token_env", "token_file", "since")) {
        if (context.option(o).isPresent()) {
          throw new SourceConfigException(sourceId, "option '" + o + "' is for a live pull, and pull is not set", "add pull: jira");
        }
      }
    }
    return new WorkExportsSource(sourceId, path, mode.equals("strict"), new Settings(field, Map.copyOf(types), label), context.clock(),
        pull);
  }
}
