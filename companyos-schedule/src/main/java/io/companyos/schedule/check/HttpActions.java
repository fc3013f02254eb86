package io.companyos.schedule.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** JSON-over-HTTP delivery shared by the built-in actions. */
final class HttpActions {
  static final ObjectMapper JSON = new ObjectMapper();

  private HttpActions() {}

  /**
   * The URL for an action: {@code COMPANYOS_<NAME>_URL} for the name the check used (so two Slack
   * channels can differ), else the action's generic variable.
   */
  static Optional<String> url(ActionContext ctx, String name, String genericVariable) {
    return ctx.env("COMPANYOS_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL").or(() -> ctx.env(genericVariable));
  }

  static ActionResult post(String action, String url, Map<String, ?> body, ActionContext ctx) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(ctx.timeout())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
      HttpResponse<String> resp = ctx.http().send(req, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() / 100 == 2) {
        return new ActionResult(action, ActionResult.Outcome.SENT, "HTTP " + resp.statusCode());
      }
      return new ActionResult(action, ActionResult.Outcome.FAILED, "HTTP " + resp.statusCode() + " from " + URI.create(url).getHost());
    } catch (IOException | IllegalArgumentException e) {
      return new ActionResult(action, ActionResult.Outcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ActionResult(action, ActionResult.Outcome.FAILED, "interrupted");
    }
  }

  static ActionResult notConfigured(String action, String variable) {
    return new ActionResult(action, ActionResult.Outcome.SKIPPED, "not configured: set " + variable);
  }
}
