package io.companyos.schedule.check;

import io.companyos.model.base.HttpSender;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What actions may use: the environment (URLs and keys are configured only there, never in files), an
 * HTTP client ({@link HttpSender#client()}, which follows no redirect, unless a test brings its own) and the
 * request timeout. Actions send through the shared {@link HttpSender} with one attempt each: the check's
 * state machine tries again on a later round.
 */
public record ActionContext(Function<String, @Nullable String> environment, HttpClient http, Duration timeout) {
  /** The process environment, the shared HTTP client and a 10-second timeout. */
  public static ActionContext defaults() {
    return of(System::getenv);
  }

  /**
   * {@code environment}, the shared HTTP client ({@link HttpSender#client()}) and a 10-second timeout.
   *
   * @param environment where URLs and keys are looked up
   * @return the context
   */
  public static ActionContext of(Function<String, @Nullable String> environment) {
    return new ActionContext(environment, HttpSender.client(), Duration.ofSeconds(10));
  }

  public Optional<String> env(String name) {
    String v = environment.apply(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
