package io.companyos.connectors.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.model.base.HttpSendException;
import io.companyos.model.base.HttpSender;
import io.companyos.model.base.RetryPolicy;
import io.companyos.sources.SourceUnavailableException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET requests to a vendor's REST API for a live pull, through the one {@link HttpSender} (timeouts, 429 and 5xx
 * retried with {@code Retry-After}, no redirects, so the token never reaches another origin). On top of that:
 * a {@code 403} or {@code 429} whose {@code X-RateLimit-Remaining} is 0 waits until {@code X-RateLimit-Reset} (epoch
 * seconds, as GitHub and Jira send it) when that is within {@code maxWait}, and each other failure becomes a
 * {@link SourceUnavailableException} that says what happened in words, naming the host and the path but never the
 * query or the token: 401 (the token is refused), 403 (the token may not read it), 404, a rate limit used up,
 * 5xx after the retries, an answer that is not JSON, no answer.
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

  /**
   * One answer.
   *
   * @param body the JSON body
   * @param headers the answer's headers
   * @param uri the request's URI
   */
  public record Page(JsonNode body, HttpHeaders headers, URI uri) {
    /**
     * The next page of an RFC 8288 {@code Link} header ({@code rel="next"}), as GitHub and GitLab paginate.
     *
     * @return the next page's URI, or empty on the last page
     */
    public Optional<URI> next() {
      for (String link : headers.allValues("Link")) {
        Matcher m = NEXT.matcher(link);
        if (m.find()) {
          return Optional.of(uri.resolve(m.group(1)));
        }
      }
      return Optional.empty();
    }
  }

  private final String sourceId;
  private final String service;
  private final HttpSender sender;
  private final Map<String, String> headers;
  private final Clock clock;
  private final RetryPolicy.Sleeper sleeper;
  private final Duration maxWait;

  /**
   * A client.
   *
   * @param sourceId the source's id, for errors
   * @param service the API's name, for messages ("GitHub")
   * @param sender the HTTP sender
   * @param headers the headers of every request (authorization, media type)
   * @param clock the clock rate-limit resets are measured on
   * @param sleeper waits for a rate limit to reset
   * @param maxWait the longest wait for a rate limit; longer is a failure
   */
  public ApiClient(String sourceId, String service, HttpSender sender, Map<String, String> headers, Clock clock,
      RetryPolicy.Sleeper sleeper, Duration maxWait) {
    this.sourceId = sourceId;
    this.service = service;
    this.sender = sender;
    this.headers = Map.copyOf(headers);
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxWait = maxWait;
  }

  /**
   * GETs {@code uri}.
   *
   * @param uri the page to get
   * @return its JSON and headers
   * @throws SourceUnavailableException for any answer other than 2xx with JSON, with the reason
   */
  public Page get(URI uri) {
    String where = uri.getHost() + uri.getRawPath();
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
      headers.forEach(b::header);
      HttpResponse<String> r;
      try {
        r = sender.send(b.build()).response();
      } catch (HttpSendException e) {
        throw new SourceUnavailableException(sourceId, service + ": " + e.getMessage(), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SourceUnavailableException(sourceId, service + ": interrupted while reading " + where, null);
      }
      int status = r.statusCode();
      if (status / 100 == 2) {
        try {
          return new Page(JSON.readTree(r.body()), r.headers(), uri);
        } catch (JsonProcessingException e) {
          throw new SourceUnavailableException(sourceId, service + " answered " + where + " with text that is not JSON", null);
        }
      }
      Optional<Duration> reset = rateLimitReset(r.headers());
      if ((status == 403 || status == 429) && reset.isPresent()) {
        if (reset.get().compareTo(maxWait) > 0 || attempt > 3) {
          throw new SourceUnavailableException(sourceId, service + " rate limit used up until "
              + clock.instant().plus(reset.get()).toString() + " (HTTP " + status + " at " + where + ")", null);
        }
        try {
          sleeper.sleep(reset.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SourceUnavailableException(sourceId, service + ": interrupted while waiting for the rate limit", null);
        }
        continue;
      }
      throw new SourceUnavailableException(sourceId, service + " " + reason(status) + " (HTTP " + status + " at " + where + ")",
          null);
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 401 -> "refused the token; check the token named by token_env or token_file";
      case 403 -> "does not let the token read this; give the token read access";
      case 404 -> "has nothing at this address; check api and the names in the options";
      case 429 -> "rate limit: too many requests, still refused after waiting";
      default -> status / 100 == 5 ? "failed on its side, also on the retries" : "answered with an error";
    };
  }

  /** How long until a used-up rate limit resets, when the answer says it is used up. */
  private Optional<Duration> rateLimitReset(HttpHeaders h) {
    Optional<String> remaining = h.firstValue("X-RateLimit-Remaining");
    Optional<String> reset = h.firstValue("X-RateLimit-Reset");
    if (remaining.isEmpty() || !remaining.get().strip().equals("0") || reset.isEmpty()) {
      return Optional.empty();
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
      Duration d = Duration.between(clock.instant(), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
