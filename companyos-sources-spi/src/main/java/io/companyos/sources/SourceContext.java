package io.companyos.sources;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything a provider needs to create a source: its configured id, its options, the clock, where
 * relative paths resolve, and a way to read secrets from the environment. Secrets are never part of
 * {@code options}: an option names an environment variable ({@code token_env: PROM_TOKEN}) and the
 * source reads it with {@link #env(String)}.
 *
 * @param sourceId the id the source is configured under
 * @param options the source's options from sources.yaml (copied)
 * @param clock the clock the source reads "now" from
 * @param baseDirectory where relative paths in the options resolve
 * @param timeout how long one query may take
 * @param retries how often a failed query is tried again (0 or more)
 * @param environment reads an environment variable; null when unset
 */
public record SourceContext(
    String sourceId,
    Map<String, String> options,
    Clock clock,
    Path baseDirectory,
    Duration timeout,
    int retries,
    Function<String, @Nullable String> environment) {

  /**
   * Checks the values and copies the options.
   *
   * @param sourceId the id the source is configured under
   * @param options the source's options from sources.yaml
   * @param clock the clock the source reads "now" from
   * @param baseDirectory where relative paths in the options resolve
   * @param timeout how long one query may take
   * @param retries how often a failed query is tried again
   * @param environment reads an environment variable; null when unset
   * @throws IllegalArgumentException when {@code retries} is negative
   */
  public SourceContext {
    Objects.requireNonNull(sourceId, "sourceId");
    options = Map.copyOf(options);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(timeout, "timeout");
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0");
    }
    Objects.requireNonNull(environment, "environment");
  }

  /**
   * A context with defaults (10 s timeout, no retries, the system environment) for tests and embedding.
   *
   * @param sourceId the id the source is configured under
   * @param options the source's options
   * @param clock the clock the source reads "now" from
   * @param baseDirectory where relative paths in the options resolve
   * @return the context
   */
  public static SourceContext of(String sourceId, Map<String, String> options, Clock clock, Path baseDirectory) {
    return new SourceContext(sourceId, options, clock, baseDirectory, Duration.ofSeconds(10), 0, System::getenv);
  }

  /**
   * An option's value.
   *
   * @param key the option's key
   * @return its value, or empty when the option is not set
   */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /**
   * The option's value, or a {@link SourceConfigException} naming the source and the missing key.
   *
   * @param key the option's key
   * @return its value, never blank
   * @throws SourceConfigException when the option is missing or blank
   */
  public String requireOption(String key) {
    String v = options.get(key);
    if (v == null || v.isBlank()) {
      throw new SourceConfigException(sourceId, "missing option '" + key + "'", "add '" + key + ":' under the source's options");
    }
    return v;
  }

  /**
   * Reads an environment variable (for secrets).
   *
   * @param name the variable's name
   * @return its value, or empty when unset
   */
  public Optional<String> env(String name) {
    return Optional.ofNullable(environment.apply(name));
  }
}
