package io.companyos.export.confluence;

import io.companyos.model.base.HttpSendException;
import io.companyos.model.base.HttpSender;
import io.companyos.render.export.HttpRetry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.render.PackDocument;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a pack to Confluence Cloud through the REST API v2: looks the page up by title in the space
 * ({@code GET /wiki/api/v2/spaces/{spaceId}/pages?title=...}); creates it when absent
 * ({@code POST /wiki/api/v2/pages} with {@code spaceId}, {@code status: current}, {@code title}, the
 * optional {@code parentId} and the storage-format body); otherwise updates it
 * ({@code PUT /wiki/api/v2/pages/{id}}) with {@code version.number} one more than the current version,
 * read from the lookup or, when the lookup has none, from {@code GET /wiki/api/v2/pages/{id}}.
 *
 * <p>Authentication is HTTP basic with the account e-mail and an API token, from
 * {@value #EMAIL_ENV} and {@value #TOKEN_ENV} by default, against the site in {@value #BASE_URL_ENV}
 * (e.g. {@code https://example.atlassian.net}; a trailing {@code /wiki} is accepted). Rate limits
 * (429, honouring {@code Retry-After}) and 5xx answers are retried by the {@link HttpRetry}; other
 * errors, such as 409 when someone else saved the page in between, raise a
 * {@link ConfluenceApiException} with Confluence's code and message. Secrets never appear in exceptions
 * or {@link #toString()}, and the client logs nothing.
 */
public final class ConfluenceClient {
  public static final String EMAIL_ENV = "CONFLUENCE_EMAIL";
  public static final String TOKEN_ENV = "CONFLUENCE_API_TOKEN";
  public static final String BASE_URL_ENV = "CONFLUENCE_BASE_URL";
  /** The version message written with every update. */
  public static final String VERSION_MESSAGE = "Published by CompanyOS";

  static final String API = "/wiki/api/v2";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final String root;
  private final String host;
  private final String token;
  private final String authorization;
  private final Duration timeout;
  private final HttpSender sender;

  /** A client configured from {@value #BASE_URL_ENV}, {@value #EMAIL_ENV} and {@value #TOKEN_ENV}. */
  public ConfluenceClient() {
    this(System.getenv());
  }

  /** A client configured from {@code env} (the same three variables). */
  public ConfluenceClient(Map<String, String> env) {
    this(baseUrl(env), required(env, EMAIL_ENV), required(env, TOKEN_ENV));
  }

  /** A client for the site at {@code baseUrl} with basic authentication and the default retry policy. */
  public ConfluenceClient(URI baseUrl, String email, String apiToken) {
    this(baseUrl, email, apiToken, HttpRetry.defaults(), Duration.ofSeconds(60));
  }

  /** As {@link #ConfluenceClient(URI, String, String)} with a retry policy and a per-request timeout. */
  public ConfluenceClient(URI baseUrl, String email, String apiToken, HttpRetry retry, Duration timeout) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(apiToken, "apiToken");
    if (email.isBlank() || apiToken.isBlank()) {
      throw missing(email.isBlank() ? EMAIL_ENV : TOKEN_ENV);
    }
    String r = baseUrl.toString().replaceAll("/+$", "");
    this.root = r.endsWith("/wiki") ? r.substring(0, r.length() - "/wiki".length()) : r;
    this.host = String.valueOf(baseUrl.getHost());
    this.token = apiToken;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.sender = Objects.requireNonNull(retry, "retry").sender(HttpSender.client(), timeout);
  }

  private static URI baseUrl(Map<String, String> env) {
    String url = required(env, BASE_URL_ENV);
    try {
      URI u = URI.create(url.strip());
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new ConfluenceApiException("COS-EXP-053", BASE_URL_ENV + " is not a URL", 0, null, null,
          "set it to the site address, e.g. https://example.atlassian.net", null);
    }
  }

  private static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw missing(name);
    }
    return v;
  }

  private static ConfluenceApiException missing(String name) {
    return new ConfluenceApiException("COS-EXP-053", "Confluence is not configured: " + name + " is not set", 0, null, null,
        "set " + BASE_URL_ENV + " (https://<site>.atlassian.net), " + EMAIL_ENV + " and " + TOKEN_ENV
            + " (an API token of that account)", null);
  }

  /** A page found by title: its id and, when the lookup returned it, its current version. */
  public record ExistingPage(String id, String title, @Nullable Integer version) {}

  /** Creates or updates the page for {@code doc} (title "pack title - period") in {@code spaceId}. */
  public ConfluencePageRef publish(String spaceId, @Nullable String parentId, PackDocument doc) {
    return publish(spaceId, parentId, ConfluenceStorage.title(doc), ConfluenceStorage.render(doc));
  }

  /**
   * Creates the page {@code title} in {@code spaceId} (under {@code parentId} when given) with the
   * storage-format {@code body}, or updates it when a current page with that title exists. An update
   * keeps the page where it is.
   */
  public ConfluencePageRef publish(String spaceId, @Nullable String parentId, String title, String body) {
    checkId(spaceId, "space id");
    if (parentId != null) {
      checkId(parentId, "parent page id");
    }
    Optional<ExistingPage> existing = find(spaceId, title);
    JsonNode answer;
    boolean created;
    int expected;
    if (existing.isEmpty()) {
      ObjectNode req = JsonNodeFactory.instance.objectNode();
      req.put("spaceId", spaceId);
      req.put("status", "current");
      req.put("title", title);
      if (parentId != null) {
        req.put("parentId", parentId);
      }
      storage(req, body);
      answer = send("POST", API + "/pages", req);
      created = true;
      expected = 1;
    } else {
      ExistingPage page = existing.get();
      Integer current = page.version();
      if (current == null) {
        current = versionOf(send("GET", API + "/pages/" + page.id(), null), "GET " + API + "/pages/" + page.id());
      }
      ObjectNode req = JsonNodeFactory.instance.objectNode();
      req.put("id", page.id());
      req.put("status", "current");
      req.put("title", title);
      storage(req, body);
      ObjectNode version = req.putObject("version");
      version.put("number", current + 1);
      version.put("message", VERSION_MESSAGE);
      answer = send("PUT", API + "/pages/" + page.id(), req);
      created = false;
      expected = current + 1;
    }
    String id = answer.path("id").asText(existing.map(ExistingPage::id).orElse(""));
    JsonNode v = answer.path("version").path("number");
    int version = v.isInt() ? v.asInt() : expected;
    String base = answer.path("_links").path("base").asText("");
    String webui = answer.path("_links").path("webui").asText("");
    String url = webui.isEmpty() ? null : (webui.startsWith("http") ? webui : (base.isEmpty() ? root + "/wiki" : base) + webui);
    return new ConfluencePageRef(id, version, created, url);
  }

  /** The current page titled exactly {@code title} in {@code spaceId}, if there is one. */
  public Optional<ExistingPage> find(String spaceId, String title) {
    checkId(spaceId, "space id");
    String path = API + "/spaces/" + spaceId + "/pages?title=" + encode(title) + "&status=current&limit=25";
    JsonNode answer = send("GET", path, null);
    List<ExistingPage> matches = new ArrayList<>();
    for (JsonNode r : answer.path("results")) {
      if (title.equals(r.path("title").asText()) && ID.matcher(r.path("id").asText()).matches()) {
        JsonNode n = r.path("version").path("number");
        matches.add(new ExistingPage(r.path("id").asText(), title, n.isInt() ? n.asInt() : null));
      }
    }
    return matches.stream().findFirst();
  }

  private static void storage(ObjectNode req, String body) {
    ObjectNode b = req.putObject("body");
    b.put("representation", "storage");
    b.put("value", body);
  }

  private int versionOf(JsonNode page, String what) {
    JsonNode n = page.path("version").path("number");
    if (!n.isInt()) {
      throw new ConfluenceApiException("COS-EXP-052", "the answer to " + what + " has no version number", 200, null, null,
          "check " + BASE_URL_ENV + " points at a Confluence Cloud site", null);
    }
    return n.asInt();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void checkId(String id, String what) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " must be a Confluence id (letters, digits and dashes), was '" + id + "'");
    }
  }

  private JsonNode send(String method, String path, @Nullable ObjectNode body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path))
        .timeout(timeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      try {
        b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    HttpRequest request = b.build();
    String what = method + " " + (path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
    HttpSender.Answer answer;
    try {
      answer = sender.send(request);
    } catch (HttpSendException e) {
      throw new ConfluenceApiException("COS-EXP-052", "no answer to " + what + ": " + scrub(e.getMessage())
          + (e.attempts() > 1 ? " (" + e.attempts() + " attempts)" : ""), 0, null, null,
          "check the network and " + BASE_URL_ENV, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfluenceApiException("COS-EXP-052", "interrupted during " + what, 0, null, null, null, e);
    }
    HttpResponse<String> resp = answer.response();
    int status = resp.statusCode();
    if (status >= 200 && status < 300) {
      try {
        return JSON.readTree(resp.body());
      } catch (IOException e) {
        throw new ConfluenceApiException("COS-EXP-052", "HTTP " + status + " to " + what + " is not JSON", status, null, null,
            "check " + BASE_URL_ENV + " points at a Confluence Cloud site", null);
      }
    }
    throw error(what, status, resp.body(), answer.attempts());
  }

  private ConfluenceApiException error(String what, int status, String body, int attempts) {
    String code = null;
    String message = null;
    try {
      JsonNode n = JSON.readTree(body);
      JsonNode first = n.path("errors").path(0);
      if (first.isObject()) {
        code = text(first.path("code"));
        message = text(first.path("title"));
        if (message == null) {
          message = text(first.path("detail"));
        }
      } else {
        // older error shape: {"statusCode": 409, "message": "..."}
        code = text(n.path("code"));
        message = text(n.path("message"));
      }
    } catch (IOException | RuntimeException e) {
      // not a JSON error body: report the status only
    }
    String hint = switch (status) {
      case 400 -> "Confluence rejected the request; for a body error, check the storage format of the page";
      case 401 -> "check " + EMAIL_ENV + " and " + TOKEN_ENV + ": the e-mail or API token is wrong or the token was revoked";
      case 403 -> "the account may not add or edit pages in this space";
      case 404 -> "check the space id, the parent page id and " + BASE_URL_ENV;
      case 409 -> "the page changed since it was read (version conflict) or the title is taken; publish again";
      case 429 -> "rate limited by Confluence; gave up after " + attempts + " attempts";
      default -> status >= 500 ? "Confluence is unavailable; gave up after " + attempts + " attempts" : null;
    };
    return new ConfluenceApiException("COS-EXP-051", "Confluence answered HTTP " + status + (code == null ? "" : " " + code)
        + " to " + what + (message == null ? "" : ": " + message), status, code, message, hint, null);
  }

  private @Nullable String text(JsonNode n) {
    return n.isTextual() ? scrub(n.asText()) : null;
  }

  /** {@code s} with the token and the credentials header blanked out. */
  private String scrub(String s) {
    return s.replace(authorization.substring("Basic ".length()), "[credentials]").replace(token, "[token]");
  }

  @Override
  public String toString() {
    return "ConfluenceClient[site=" + root + ", credentials=(set)]";
  }
}
