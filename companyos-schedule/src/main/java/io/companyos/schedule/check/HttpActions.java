package io.companyos.schedule.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.model.base.HttpSendException;
import io.companyos.model.base.HttpSender;
import io.companyos.model.base.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
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
      HttpRequest req = HttpRequest.newBuilder(uri)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
      // One attempt: the check's state machine tries again on a later round (Retry-After included).
      HttpSender.Answer resp = new HttpSender(ctx.http(), RetryPolicy.NONE, ctx.timeout(), RetryPolicy.Sleeper.real(), null)
          .send(req);
      if (resp.status() / 100 == 2) {
        return new ActionResult(action, ActionResult.Outcome.SENT, "HTTP " + resp.status());
      }
      Duration retryAfter = resp.response().headers().firstValue("Retry-After").map(v -> retryAfter(v, Instant.now())).orElse(null);
      return new ActionResult(action, ActionResult.Outcome.FAILED, "HTTP " + resp.status() + " from " + where(uri)
          + (retryAfter == null ? "" : ", Retry-After " + retryAfter.toSeconds() + " s"), retryAfter);
    } catch (HttpSendException e) {
      return failed(action, e.getCause() == null ? e : e.getCause(), uri);
    } catch (IOException | IllegalArgumentException e) {
      return failed(action, e, uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ActionResult(action, ActionResult.Outcome.FAILED, "interrupted");
    }
  }

  /** {@code ConnectException: message (host:port)}, the message without credentials or URL paths. */
  private static ActionResult failed(String action, Throwable e, URI uri) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? ""
        : ": " + io.companyos.model.base.Redaction.message(e.getMessage());
    return new ActionResult(action, ActionResult.Outcome.FAILED, e.getClass().getSimpleName() + message + " (" + where(uri) + ")");
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
