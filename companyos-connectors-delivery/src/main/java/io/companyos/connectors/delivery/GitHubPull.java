package io.companyos.connectors.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.companyos.connectors.common.ApiClient;
import io.companyos.connectors.common.PullCache;
import io.companyos.model.base.HttpSender;
import io.companyos.model.base.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A live pull of GitHub's REST API into the source's folder, which the GitHub reader then reads like saved lists:
 * per repository, {@code GET /repos/{repo}/deployments} (newest first, {@code Link} pages) into
 * {@code deployments.json}, the statuses of each deployment created in the window into {@code statuses.json}, and
 * {@code GET /repos/{repo}/pulls?state=all&sort=updated&direction=desc} into {@code pulls.json}. Paging stops at the
 * first entry older than the window, which runs from the last complete sync less a day (or {@code since}) to now.
 * Reviews are not pulled (review turnaround then comes from the pull requests' own times, as for a folder without
 * reviews).
 */
final class GitHubPull {
  static final Duration OVERLAP = Duration.ofDays(1);

  private final String sourceId;
  private final URI base;
  private final List<String> repos;
  private final Supplier<String> token;
  private final HttpSender sender;
  private final PullCache cache;
  private final Instant firstSince;
  private final Clock clock;
  private final RetryPolicy.Sleeper sleeper;

  GitHubPull(String sourceId, URI base, List<String> repos, Supplier<String> token, HttpSender sender, PullCache cache,
      Instant firstSince, Clock clock, RetryPolicy.Sleeper sleeper) {
    this.sourceId = sourceId;
    this.base = base;
    this.repos = List.copyOf(repos);
    this.token = token;
    this.sender = sender;
    this.cache = cache;
    this.firstSince = firstSince;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Fetches what changed since the last sync into the cache; on failure the sync time stays where it was. */
  void sync() {
    ApiClient api = new ApiClient(sourceId, "GitHub", sender, Map.of("Authorization", "Bearer " + token.get(),
        "Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28", "User-Agent", "companyos"),
        clock, sleeper, Duration.ofMinutes(5));
    Instant now = clock.instant();
    Instant since = cache.lastSync().map(t -> t.minus(OVERLAP)).orElse(firstSince);
    List<JsonNode> deployments = new ArrayList<>();
    List<JsonNode> statuses = new ArrayList<>();
    List<JsonNode> pulls = new ArrayList<>();
    for (String repo : repos) {
      for (JsonNode d : newest(api, base.resolve("repos/" + repo + "/deployments?per_page=100"), "created_at", since)) {
        deployments.add(d);
        String url = d.path("statuses_url").asText("");
        URI statusesUri = url.isEmpty() ? base.resolve("repos/" + repo + "/deployments/" + d.path("id").asText() + "/statuses")
            : URI.create(url);
        // Only the API's own origin: a statuses_url elsewhere would carry the token there.
        if (!sameOrigin(statusesUri, base)) {
          statusesUri = base.resolve("repos/" + repo + "/deployments/" + d.path("id").asText() + "/statuses");
        }
        statuses.addAll(all(api, URI.create(statusesUri + (statusesUri.getRawQuery() == null ? "?" : "&") + "per_page=100")));
      }
      pulls.addAll(newest(api, base.resolve("repos/" + repo + "/pulls?state=all&sort=updated&direction=desc&per_page=100"),
          "updated_at", since));
    }
    cache.merge("deployments.json", null, Map.of(), deployments, "id", "updated_at");
    cache.merge("statuses.json", null, Map.of(), statuses, "id", null);
    cache.merge("pulls.json", null, Map.of(), pulls, "id", "updated_at");
    cache.synced(now);
  }

  /** The entries of a list sorted newest first, page by page, up to the first one older than {@code since}. */
  private static List<JsonNode> newest(ApiClient api, URI first, String timeField, Instant since) {
    List<JsonNode> out = new ArrayList<>();
    Optional<URI> next = Optional.of(first);
    while (next.isPresent()) {
      ApiClient.Page page = api.get(next.get());
      for (JsonNode n : PullCache.entries(page.body(), null)) {
        if (time(n, timeField).isBefore(since)) {
          return out;
        }
        out.add(n);
      }
      next = page.next().filter(u -> sameOrigin(u, first));
    }
    return out;
  }

  private static List<JsonNode> all(ApiClient api, URI first) {
    List<JsonNode> out = new ArrayList<>();
    Optional<URI> next = Optional.of(first);
    while (next.isPresent()) {
      ApiClient.Page page = api.get(next.get());
      out.addAll(PullCache.entries(page.body(), null));
      next = page.next().filter(u -> sameOrigin(u, first));
    }
    return out;
  }

  private static Instant time(JsonNode n, String field) {
    try {
      return Instant.parse(n.path(field).asText());
    } catch (DateTimeParseException e) {
      return Instant.MAX; // kept: the reader reports it, located
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
        && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost())) && a.getPort() == b.getPort();
  }
}
