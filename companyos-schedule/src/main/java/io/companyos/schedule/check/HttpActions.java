package io.companyos.schedule.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** JSON-over-HTTP delivery shared by the built-in actions: only a 2xx answer is a receipt. */
final class HttpActions {
  static final ObjectMapper JSON = new ObjectMapper();

  private HttpActions() {}

  /**
   * The URL for an action: {@code COMPANYOS_<NAME>_URL} for the name the check used (so two Slack
   * channels can differ), else the action's generic variable.
   */
  static Optional<String> url(ActionContext ctx, String name, String genericVariable) {
    return ctx.env(variable(name, "URL")).or(() -> ctx.env(genericVariable));
  }

  /** {@code COMPANYOS_<NAME>_<SUFFIX>} for the name a check used. */
  static String variable(String name, String suffix) {
    return "COMPANYOS_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + suffix;
  }

  static ActionResult post(String action, String url, Map<String, ?> body, ActionContext ctx) {
    URI uri;
    try {
      uri = io.companyos.model.base.Redaction.parseSecretUrl("the " + action + " URL", url);
    } catch (IllegalArgumentException e) {
      return new ActionResult(action, ActionResult.Outcome.FAILED, "invalid URL: " + e.getMessage());
    }
    try {
      HttpRequest req = HttpRequest.newBuilder(uri).timeout(ctx.timeout())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
      HttpResponse<String> resp = ctx.http().send(req, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() / 100 == 2) {
        return new ActionResult(action, ActionResult.Outcome.SENT, "HTTP " + resp.statusCode());
      }
      Duration retryAfter = resp.headers().firstValue("Retry-After").map(v -> retryAfter(v, Instant.now())).orElse(null);
      return new ActionResult(action, ActionResult.Outcome.FAILED, "HTTP " + resp.statusCode() + " from " + where(uri)
          + (retryAfter == null ? "" : ", Retry-After " + retryAfter.toSeconds() + " s"), retryAfter);
    } catch (IOException | IllegalArgumentException e) {
      String message = e.getMessage() == null || e.getMessage().isBlank() ? ""
          : ": " + io.companyos.model.base.Redaction.message(e.getMessage());
      return new ActionResult(action, ActionResult.Outcome.FAILED, e.getClass().getSimpleName() + message + " (" + where(uri) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ActionResult(action, ActionResult.Outcome.FAILED, "interrupted");
    }
  }

  private static String where(URI uri) {
    return uri.getPort() < 0 ? String.valueOf(uri.getHost()) : uri.getHost() + ":" + uri.getPort();
  }

  /** A {@code Retry-After} value: seconds, or an HTTP date (then the time until it, at least zero); null when unreadable. */
  static @Nullable Duration retryAfter(String value, Instant now) {
    return io.companyos.model.base.RetryPolicy.parseRetryAfter(value, now);
  }

  static ActionResult notConfigured(String action, String variable) {
    return new ActionResult(action, ActionResult.Outcome.SKIPPED, "not configured: set " + variable);
  }
}
