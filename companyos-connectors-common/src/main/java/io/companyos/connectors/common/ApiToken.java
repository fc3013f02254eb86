package io.companyos.connectors.common;

import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The API token of a live pull, from the environment variable named by {@code token_env} or the file named by
 * {@code token_file} (relative to sources.yaml; its content, trimmed), never from sources.yaml itself. It is looked up
 * when the pull runs, not when the source is created, so {@code companyos validate} checks the options only; no
 * message ever carries the token.
 */
public final class ApiToken {
  private ApiToken() {}

  /**
   * The token's lookup for a source's options.
   *
   * @param context the source's options and environment
   * @param service the API's name, for messages ("PagerDuty")
   * @return a supplier that reads the token when called
   * @throws SourceConfigException when neither option (or both) is given
   */
  public static Supplier<String> of(SourceContext context, String service) {
    String id = context.sourceId();
    Optional<String> env = context.option("token_env");
    Optional<String> file = context.option("token_file");
    if (env.isPresent() == file.isPresent()) {
      throw new SourceConfigException(id, "pull: " + service + " needs exactly one of token_env and token_file",
          "name the environment variable (token_env) or the file (token_file) that holds the token");
    }
    if (env.isPresent()) {
      String name = env.get().strip();
      return () -> context.env(name).filter(t -> !t.isBlank()).map(String::strip).orElseThrow(() ->
          new SourceUnavailableException(id, "environment variable '" + name + "' named by token_env is not set", null));
    }
    Path path = context.baseDirectory().resolve(file.get().strip());
    return () -> {
      try {
        String t = Files.readString(path, StandardCharsets.UTF_8).strip();
        if (t.isEmpty()) {
          throw new SourceUnavailableException(id, "the token file " + path.getFileName() + " named by token_file is empty", null);
        }
        return t;
      } catch (IOException e) {
        throw new SourceUnavailableException(id, "cannot read the token file " + path.getFileName() + " named by token_file", null);
      }
    };
  }
}
