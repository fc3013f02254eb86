package io.companyos.delivery;

import io.companyos.model.base.RetryPolicy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * POSTs JSON with the {@link RetryPolicy}: 429 and 5xx answers and failures to connect are retried,
 * other answers are final. A POST is not idempotent: when the request may have been sent but no answer
 * came (a timeout or a dropped connection after connecting), the outcome is unknown and the post is not
 * repeated ({@link SendResult#unknownOutcome}). Every attempt is listed in the detail. Messages never
 * contain the URL's path or query (webhook URLs are secrets), only its host.
 */
final class HttpSender {
  private final HttpClient http;
  private final RetryPolicy retry;
  private final RetryPolicy.Sleeper sleeper;
  private final RandomGenerator random;
  private final Duration timeout;

  HttpSender(HttpClient http, RetryPolicy retry, RetryPolicy.Sleeper sleeper, RandomGenerator random, Duration timeout) {
    this.http = http;
    this.retry = retry;
    this.sleeper = sleeper;
    this.random = random;
    this.timeout = timeout;
  }

  /**
   * Sends {@code json} to {@code url}. {@code accepted} decides whether a 2xx body means success (Slack's
   * Web API answers 200 with {@code "ok": false} on errors).
   */
  SendResult post(URI url, String json, Map<String, String> headers, Predicate<String> accepted) {
    String host = url.getHost();
    String last = "not sent";
    java.util.List<String> history = new java.util.ArrayList<>();
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      @Nullable Duration retryAfter = null;
      try {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = r.statusCode();
        if (status / 100 == 2) {
          if (accepted.test(r.body())) {
            return SendResult.ok(attempt, "HTTP " + status + " from " + host + earlier(history));
          }
          return SendResult.failed(attempt, "HTTP " + status + " from " + host + ": " + abbreviate(r.body()) + earlier(history));
        }
        last = "HTTP " + status + " from " + host;
        if (status != 429 && status / 100 != 5) {
          return SendResult.failed(attempt, last + ": " + abbreviate(r.body()) + earlier(history));
        }
        retryAfter = RetryPolicy.parseRetryAfter(r.headers().firstValue("Retry-After").orElse(null));
      } catch (java.net.http.HttpConnectTimeoutException | java.net.ConnectException | javax.net.ssl.SSLHandshakeException e) {
        last = e.getClass().getSimpleName() + " connecting to " + host + " (nothing was sent)";
      } catch (IOException e) {
        String what = e instanceof java.net.http.HttpTimeoutException ? "no answer from " + host + " within "
            + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms") + " after the request was sent" : e.getClass().getSimpleName() + " from " + host + " after the request was sent";
        return SendResult.unknownOutcome(attempt, what + earlier(history) + "; it may have arrived, so it was not sent again:"
            + " check the channel, then rerun with --resend-unknown if it is missing");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return SendResult.failed(attempt, "interrupted");
      }
      history.add(last);
      if (attempt == retry.maxAttempts()) {
        return SendResult.failed(attempt, last + " (gave up after " + attempt + " attempts" + list(history) + ")");
      }
      Duration wait = retry.delayBefore(attempt + 1, retryAfter, random);
      if (wait == null) {
        return SendResult.failed(attempt, last + " (server asked to wait longer than " + RetryPolicy.MAX_RETRY_AFTER + ")"
            + earlier(history.subList(0, history.size() - 1)));
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return SendResult.failed(attempt, "interrupted");
      }
    }
    return SendResult.failed(retry.maxAttempts(), last);
  }

  /** The attempts before this one, for the detail ({@code ", after attempt 1: HTTP 503 ..."}). */
  private static String earlier(java.util.List<String> history) {
    if (history.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" (after ");
    for (int i = 0; i < history.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append("attempt ").append(i + 1).append(": ").append(history.get(i));
    }
    return sb.append(')').toString();
  }

  private static String list(java.util.List<String> history) {
    StringBuilder sb = new StringBuilder(": ");
    for (int i = 0; i < history.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(i + 1).append(' ').append(history.get(i));
    }
    return sb.toString();
  }

  private static String abbreviate(String body) {
    String one = io.companyos.model.base.Redaction.printable(body).strip();
    return one.length() <= 200 ? one : one.substring(0, 200) + "…";
  }
}
