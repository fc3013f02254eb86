package io.companyos.connectors.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import io.companyos.connectors.common.ApiClient;
import io.companyos.connectors.common.PullCache;
import io.companyos.model.base.HttpSender;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A live pull of PagerDuty's REST API v2 into the source's folder, which the PagerDuty reader then reads like saved
 * pages: {@code GET /incidents} (every status, created in the window, {@code limit}/{@code offset} pages while
 * {@code more} is true) into {@code incidents.json}, and {@code GET /log_entries} (overview entries of the window,
 * whose resolve entries give resolve times) into {@code log_entries.json}. The window runs from the last complete
 * sync less a day (or from {@code since} on the first sync) to now, asked in spans of at most 90 days, since
 * PagerDuty refuses longer ones. An incident created before the window and resolved in it gets its resolve time from
 * the log entries.
 */
final class PagerDutyPull {
  /** How much of the time before the last sync is asked again, for entries PagerDuty wrote late. */
  static final Duration OVERLAP = Duration.ofDays(1);
  /** The longest span one request asks for. */
  static final Duration SPAN = Duration.ofDays(90);
  static final int LIMIT = 100;

  private final String sourceId;
  private final URI base;
  private final Supplier<String> token;
  private final HttpSender sender;
  private final PullCache cache;
  private final Instant firstSince;
  private final Clock clock;
  private ApiClient api;

  PagerDutyPull(String sourceId, URI base, Supplier<String> token, HttpSender sender, PullCache cache, Instant firstSince,
      Clock clock) {
    this.sourceId = sourceId;
    this.base = base;
    this.token = token;
    this.sender = sender;
    this.cache = cache;
    this.firstSince = firstSince;
    this.clock = clock;
  }

  /** Fetches what changed since the last sync into the cache; on failure the sync time stays where it was. */
  void sync() {
    api = new ApiClient(sourceId, "PagerDuty", sender, Map.of("Authorization", "Token token=" + token.get(),
        "Accept", "application/vnd.pagerduty+json;version=2"), clock, io.companyos.model.base.RetryPolicy.Sleeper.real(), Duration.ofMinutes(5));
    Instant now = clock.instant();
    Instant since = cache.lastSync().map(t -> t.minus(OVERLAP)).orElse(firstSince);
    List<JsonNode> incidents = new ArrayList<>();
    List<JsonNode> entries = new ArrayList<>();
    for (Instant from = since; from.isBefore(now); from = from.plus(SPAN)) {
      Instant to = from.plus(SPAN).isAfter(now) ? now : from.plus(SPAN);
      incidents.addAll(pages("incidents", "incidents", from, to));
      entries.addAll(pages("log_entries", "log_entries", from, to));
    }
    Map<String, Object> done = Map.of("limit", LIMIT, "offset", 0, "more", false);
    cache.merge("incidents.json", "incidents", done, incidents, "id", "updated_at");
    cache.merge("log_entries.json", "log_entries", done, entries, "id", null);
    cache.synced(now);
  }

  private List<JsonNode> pages(String path, String member, Instant from, Instant to) {
    List<JsonNode> out = new ArrayList<>();
    for (int offset = 0; ; offset += LIMIT) {
      String query = "since=" + enc(from.toString()) + "&until=" + enc(to.toString()) + "&limit=" + LIMIT + "&offset=" + offset
          + "&time_zone=UTC" + (path.equals("log_entries") ? "&is_overview=true" : "");
      JsonNode page = api.get(base.resolve(path + "?" + query)).body();
      List<JsonNode> items = PullCache.entries(page, member);
      out.addAll(items);
      if (!page.path("more").asBoolean(false) || items.isEmpty()) {
        return out;
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
