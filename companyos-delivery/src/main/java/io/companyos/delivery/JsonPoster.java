package io.companyos.delivery;

import io.companyos.model.base.HttpSendException;
import io.companyos.model.base.HttpSender;
import io.companyos.model.base.Redaction;
import io.companyos.model.base.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * POSTs JSON through the shared {@link HttpSender}: 429 and 5xx answers and failures to connect are retried
 * by the {@link RetryPolicy}, other answers are final. A POST is not idempotent: when the request may have
 * been sent but no answer came (a timeout or a dropped connection after connecting), the outcome is unknown
 * and the post is not repeated ({@link SendResult#unknownOutcome}). Every attempt is listed in the detail.
 * Messages never contain the URL's path or query (webhook URLs are secrets), only its host.
 */
final class JsonPoster {
  private final HttpSender sender;

  JsonPoster(HttpClient http, RetryPolicy retry, RetryPolicy.Sleeper sleeper, RandomGenerator random, Duration timeout) {
    this.sender = new HttpSender(http, retry, timeout, sleeper, random);
  }

  /**
   * Sends {@code json} to {@code url}. {@code accepted} decides whether a 2xx body means success (Slack's
   * Web API answers 200 with {@code "ok": false} on errors).
   */
  SendResult post(URI url, String json, Map<String, String> headers, Predicate<String> accepted) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    headers.forEach(b::header);
    HttpSender.Answer answer;
    try {
      answer = sender.send(b.build());
    } catch (HttpSendException e) {
      if (e.mayHaveArrived()) {
        return SendResult.unknownOutcome(e.attempts(), e.getMessage() + earlier(e.earlier())
            + "; it may have arrived, so it was not sent again:"
            + " check the channel, then rerun with --resend-unknown if it is missing");
      }
      return SendResult.failed(e.attempts(), gaveUp(e.getMessage(), e.attempts(), e.earlier()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.failed(0, "interrupted");
    }
    int status = answer.status();
    String line = answer.line();
    if (status / 100 == 2) {
      return accepted.test(answer.response().body()) ? SendResult.ok(answer.attempts(), line + earlier(answer.earlier()))
          : SendResult.failed(answer.attempts(), line + ": " + abbreviate(answer.response().body()) + earlier(answer.earlier()));
    }
    if (status != 429 && status / 100 != 5) {
      return SendResult.failed(answer.attempts(), line + ": " + abbreviate(answer.response().body()) + earlier(answer.earlier()));
    }
    if (answer.retryAfterTooLong()) {
      return SendResult.failed(answer.attempts(), line + " (server asked to wait longer than " + RetryPolicy.MAX_RETRY_AFTER
          + ")" + earlier(answer.earlier()));
    }
    return SendResult.failed(answer.attempts(), gaveUp(line, answer.attempts(), answer.earlier()));
  }

  /** {@code last (gave up after 3 attempts: 1 HTTP 503 ...; 2 ...; 3 last)}. */
  private static String gaveUp(String last, int attempts, List<String> earlier) {
    List<String> all = new ArrayList<>(earlier);
    all.add(last);
    StringBuilder sb = new StringBuilder(last).append(" (gave up after ").append(attempts).append(" attempts: ");
    for (int i = 0; i < all.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(i + 1).append(' ').append(all.get(i));
    }
    return sb.append(')').toString();
  }

  /** The attempts before this one, for the detail ({@code " (after attempt 1: HTTP 503 ...)"}). */
  private static String earlier(List<String> history) {
    if (history.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" (after ");
    for (int i = 0; i < history.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append("attempt ").append(i + 1).append(": ").append(history.get(i));
    }
    return sb.append(')').toString();
  }

  private static String abbreviate(String body) {
    String one = Redaction.printable(body).strip();
    return one.length() <= 200 ? one : one.substring(0, 200) + "…";
  }
}
