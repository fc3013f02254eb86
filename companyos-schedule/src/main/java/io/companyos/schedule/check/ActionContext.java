package io.companyos.schedule.check;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What actions may use: the environment (URLs and keys are configured only there, never in files), an
 * HTTP client and the request timeout.
 */
public record ActionContext(Function<String, @Nullable String> environment, HttpClient http, Duration timeout) {
  /** The process environment, a fresh HTTP client and a 10-second timeout. */
  public static ActionContext defaults() {
    return new ActionContext(System::getenv, HttpClient.newHttpClient(), Duration.ofSeconds(10));
  }

  public Optional<String> env(String name) {
    String v = environment.apply(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
