package io.companyos.connectors.work;

import com.fasterxml.jackson.databind.JsonNode;
import io.companyos.connectors.common.ApiClient;
import io.companyos.connectors.common.PullCache;
import io.companyos.model.base.HttpSender;
import io.companyos.model.base.RetryPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A live pull of Jira's Agile REST API into the source's folder, which the Jira reader then reads like saved pages: per
 * board, {@code GET /rest/agile/1.0/board/{board}/sprint} ({@code startAt} pages until {@code isLast}) into
 * {@code sprints.json}, and for each sprint that is active, or started or ended in the window, {@code GET
 * /rest/agile/1.0/sprint/{id}/issue} ({@code startAt} pages up to {@code total}, with the fields the reader needs,
 * the story points field included) into {@code issues.json}. The window runs from the last complete sync less a day
 * (or {@code since}) to now. With {@code user} the token is sent as Jira Cloud's basic credential (e-mail and API
 * token), without it as a bearer token (a Data Center personal access token).
 */
final class JiraPull {
  static final Duration OVERLAP = Duration.ofDays(1);
  static final int SPRINTS_PAGE = 50;
  static final int ISSUES_PAGE = 100;

  private final String sourceId;
  private final URI base;
  private final List<String> boards;
  private final @Nullable String user;
  private final Supplier<String> token;
  private final String pointsField;
  private final HttpSender sender;
  private final PullCache cache;
  private final Instant firstSince;
  private final Clock clock;

  JiraPull(String sourceId, URI base, List<String> boards, @Nullable String user, Supplier<String> token, String pointsField,
      HttpSender sender, PullCache cache, Instant firstSince, Clock clock) {
    this.sourceId = sourceId;
    this.base = base;
    this.boards = List.copyOf(boards);
    this.user = user;
    this.token = token;
    this.pointsField = pointsField;
    this.sender = sender;
    this.cache = cache;
    this.firstSince = firstSince;
    this.clock = clock;
  }

  /** Fetches what changed since the last sync into the cache; on failure the sync time stays where it was. */
  void sync() {
    String credential = user == null ? "Bearer " + token.get()
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + token.get()).getBytes(StandardCharsets.UTF_8));
    ApiClient api = new ApiClient(sourceId, "Jira", sender, Map.of("Authorization", credential, "Accept", "application/json"),
        clock, RetryPolicy.Sleeper.real(), Duration.ofMinutes(5));
    Instant now = clock.instant();
    Instant since = cache.lastSync().map(t -> t.minus(OVERLAP)).orElse(firstSince);
    List<JsonNode> sprints = new ArrayList<>();
    List<JsonNode> issues = new ArrayList<>();
    String fields = "summary,issuetype,status,created,resolutiondate,labels,sprint,closedSprints," + pointsField;
    for (String board : boards) {
      for (int startAt = 0; ; startAt += SPRINTS_PAGE) {
        JsonNode page = api.get(base.resolve("rest/agile/1.0/board/" + board + "/sprint?startAt=" + startAt + "&maxResults="
            + SPRINTS_PAGE)).body();
        List<JsonNode> values = PullCache.entries(page, "values");
        sprints.addAll(values);
        if (page.path("isLast").asBoolean(true) || values.isEmpty()) {
          break;
        }
      }
    }
    for (JsonNode sprint : sprints) {
      if (!changedSince(sprint, since)) {
        continue;
      }
      String id = sprint.path("id").asText();
      for (int startAt = 0; ; startAt += ISSUES_PAGE) {
        JsonNode page = api.get(base.resolve("rest/agile/1.0/sprint/" + id + "/issue?startAt=" + startAt + "&maxResults="
            + ISSUES_PAGE + "&fields=" + URLEncoder.encode(fields, StandardCharsets.UTF_8))).body();
        List<JsonNode> found = PullCache.entries(page, "issues");
        issues.addAll(found);
        if (found.isEmpty() || startAt + found.size() >= page.path("total").asLong(0)) {
          break;
        }
      }
    }
    cache.merge("sprints.json", "values", Map.of("startAt", 0, "isLast", true), sprints, "id", null);
    cache.merge("issues.json", "issues", Map.of("startAt", 0), issues, "key", null);
    cache.synced(now);
  }

  /** An active sprint, or one that started, ended or was completed on or after {@code since}. */
  private static boolean changedSince(JsonNode sprint, Instant since) {
    if ("active".equalsIgnoreCase(sprint.path("state").asText())) {
      return true;
    }
    for (String f : List.of("startDate", "endDate", "completeDate")) {
      String t = sprint.path(f).asText("");
      if (!t.isEmpty()) {
        try {
          if (!java.time.OffsetDateTime.parse(t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant().isBefore(since)) {
            return true;
          }
        } catch (DateTimeParseException e) {
          return true; // fetched, and the reader reports the date, located
        }
      }
    }
    return false;
  }
}
