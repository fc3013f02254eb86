package io.companyos.connectors.common;

import io.companyos.model.base.HttpSender;
import io.companyos.model.base.Redaction;
import io.companyos.model.base.RetryPolicy;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The options every live pull shares: {@code pull} (which API), {@code api} (its base URL, for a self-hosted
 * instance or a test server), {@code token_env} or {@code token_file} ({@link ApiToken}) and {@code since} (where the
 * first sync starts: an ISO-8601 date or instant; by default 180 days before the first sync). The connector's
 * {@code path} is the cache folder the pull writes to and the reader reads.
 */
public final class Pulls {
  /** The shared options. */
  public static final List<String> OPTIONS = List.of("pull", "api", "token_env", "token_file", "since");
  /** How far back the first sync reaches without {@code since}. */
  public static final Duration FIRST_SYNC = Duration.ofDays(180);
  /** Three attempts per request, 1 s then 2 s apart (or as {@code Retry-After} says). */
  public static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

  private Pulls() {}

  /**
   * The API's base URL: option {@code api}, else {@code fallback}; always ending in {@code /}.
   *
   * @param context the source's options
   * @param fallback the vendor's public API
   * @return the base URL
   * @throws SourceConfigException when it is not an http(s) URL, or carries credentials
   */
  public static URI api(SourceContext context, String fallback) {
    String text = context.option("api").map(String::strip).orElse(fallback);
    URI u;
    try {
      u = new URI(text.endsWith("/") ? text : text + "/");
    } catch (java.net.URISyntaxException e) {
      throw new SourceConfigException(context.sourceId(), "api is not a URL (the value is not shown)", "write it like https://api.example.com");
    }
    if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
      throw new SourceConfigException(context.sourceId(), "api must start with https:// or http://", null);
    }
    Optional<String> secret = Redaction.secretIn(u);
    if (secret.isPresent()) {
      throw new SourceConfigException(context.sourceId(), "api must not contain credentials: " + secret.get(),
          "give the token through token_env or token_file");
    }
    return u;
  }

  /**
   * Where the first sync starts: option {@code since}, else {@link #FIRST_SYNC} before the source's clock.
   *
   * @param context the source's options and clock
   * @return the instant
   * @throws SourceConfigException when {@code since} is neither a date nor an instant
   */
  public static Instant since(SourceContext context) {
    Optional<String> since = context.option("since").map(String::strip);
    if (since.isEmpty()) {
      return context.clock().instant().minus(FIRST_SYNC);
    }
    try {
      return since.get().length() == 10 ? LocalDate.parse(since.get()).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(since.get());
    } catch (DateTimeParseException e) {
      throw new SourceConfigException(context.sourceId(), "since '" + Redaction.printable(since.get())
          + "' is neither a date nor an instant", "write 2026-01-01 or 2026-01-01T00:00:00Z");
    }
  }

  /**
   * The sender of a pull: the shared client, the source's {@code timeout} per request, {@link #RETRY}.
   *
   * @param context the source's options
   * @return the sender
   */
  public static HttpSender sender(SourceContext context) {
    return HttpSender.of(RETRY, context.timeout());
  }
}
