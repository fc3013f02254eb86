package io.companyos.export.notion;

import io.companyos.model.base.HttpSendException;
import io.companyos.model.base.HttpSender;
import io.companyos.render.export.HttpRetry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.render.PackDocument;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a pack as a Notion page under a parent page: {@code POST /v1/pages} with the title and the
 * first batch of at most 100 blocks, then {@code PATCH /v1/blocks/{id}/children} with the remaining
 * blocks in batches of at most 100, in order (see {@link NotionBlocks} for the limits). Every request
 * carries {@code Authorization: Bearer <token>}, {@code Notion-Version: }{@value #NOTION_VERSION} and
 * {@code Content-Type: application/json}.
 *
 * <p>Rate limits and outages are retried by the {@link HttpRetry}; any other error answer raises a
 * {@link NotionApiException} with the status and Notion's error code and message. The token is never
 * written into exceptions, {@link #toString()} or logs (the client logs nothing). A failure after the
 * page was created leaves a partial page behind; the exception says which page and how many batches
 * were appended.
 */
public final class NotionClient {
  /** The API version this client speaks. */
  public static final String NOTION_VERSION = "2022-06-28";
  /** Notion's public API. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.notion.com");
  /** The environment variable holding the integration token. */
  public static final String TOKEN_ENV = "NOTION_TOKEN";
  static final String PAGES_PATH = "/v1/pages";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final String token;
  private final URI base;
  private final Duration timeout;
  private final HttpSender sender;

  /** A client for api.notion.com with the token from {@code NOTION_TOKEN} and the default retry policy. */
  public NotionClient() {
    this(tokenFrom(System.getenv()), DEFAULT_BASE_URI);
  }

  /** A client for {@code baseUri} (scheme, host and port, e.g. {@code https://api.notion.com}) with {@code token}. */
  public NotionClient(String token, URI baseUri) {
    this(token, baseUri, HttpRetry.defaults(), Duration.ofSeconds(60));
  }

  /** As {@link #NotionClient(String, URI)} with a retry policy and a per-request timeout. */
  public NotionClient(String token, URI baseUri, HttpRetry retry, Duration timeout) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw missingToken();
    }
    this.token = token;
    this.base = Objects.requireNonNull(baseUri, "baseUri");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.sender = Objects.requireNonNull(retry, "retry").sender(HttpSender.client(), timeout);
  }

  /** The token in {@code env} under {@value #TOKEN_ENV}. */
  static String tokenFrom(Map<String, String> env) {
    String t = env.get(TOKEN_ENV);
    if (t == null || t.isBlank()) {
      throw missingToken();
    }
    return t;
  }

  private static NotionApiException missingToken() {
    return new NotionApiException("COS-EXP-043", "no Notion token: " + TOKEN_ENV + " is not set", 0, null, null,
        "create an internal integration in Notion, share the parent page with it and export its secret as " + TOKEN_ENV, null);
  }

  /** Creates {@code doc} as a page under {@code parentPageId}. */
  public NotionPageRef publish(String parentPageId, PackDocument doc) {
    return publish(parentPageId, NotionBlocks.page(doc));
  }

  /** Creates {@code page} under {@code parentPageId}: one create request, then the append requests in order. */
  public NotionPageRef publish(String parentPageId, NotionPage page) {
    checkId(parentPageId, "parent page id");
    JsonNode created = send("POST", PAGES_PATH, page.createPageRequest(parentPageId));
    String id = created.path("id").asText("");
    if (!ID.matcher(id).matches()) {
      throw new NotionApiException("COS-EXP-042", "Notion created a page but its answer has no usable page id", 200,
          null, null, null, null);
    }
    String url = created.path("url").isTextual() ? created.path("url").asText() : null;
    List<ObjectNode> appends = page.appendRequests();
    int done = 0;
    for (ObjectNode body : appends) {
      try {
        send("PATCH", childrenPath(id), body);
      } catch (NotionApiException e) {
        throw new NotionApiException(e.code(), e.getMessage() + " (page " + id + " was created; " + done + " of "
            + appends.size() + " append batches were sent)", e.status(), e.notionCode(), e.notionMessage(), e.hint(), e);
      }
      done++;
    }
    return new NotionPageRef(id, url, 1 + done);
  }

  static String childrenPath(String blockId) {
    return "/v1/blocks/" + blockId + "/children";
  }

  private static void checkId(String id, String what) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " must be a Notion id (letters, digits and dashes), was '" + id + "'");
    }
  }

  private JsonNode send(String method, String path, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String root = base.toString().replaceAll("/+$", "");
    HttpRequest request = HttpRequest.newBuilder(URI.create(root + path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Notion-Version", NOTION_VERSION)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
    String what = method + " " + path;
    HttpSender.Answer answer;
    try {
      answer = sender.send(request);
    } catch (HttpSendException e) {
      throw new NotionApiException("COS-EXP-042", "no answer to " + what + ": " + scrub(e.getMessage())
          + (e.attempts() > 1 ? " (" + e.attempts() + " attempts)" : ""), 0, null, null,
          "check the network and the base URI", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotionApiException("COS-EXP-042", "interrupted during " + what, 0, null, null, null, e);
    }
    HttpResponse<String> resp = answer.response();
    int status = resp.statusCode();
    if (status >= 200 && status < 300) {
      try {
        return JSON.readTree(resp.body());
      } catch (IOException e) {
        throw new NotionApiException("COS-EXP-042", "HTTP " + status + " to " + what + " is not JSON", status, null, null,
            "check the base URI points at the Notion API", null);
      }
    }
    throw error(what, status, resp.body(), answer.attempts());
  }

  private NotionApiException error(String what, int status, String body, int attempts) {
    String code = null;
    String message = null;
    try {
      JsonNode n = JSON.readTree(body);
      code = n.path("code").isTextual() ? scrub(n.path("code").asText()) : null;
      message = n.path("message").isTextual() ? scrub(n.path("message").asText()) : null;
    } catch (IOException | RuntimeException e) {
      // not a JSON error body: report the status only
    }
    String hint = switch (status) {
      case 400 -> "Notion rejected the request body; the message names the offending block";
      case 401 -> "check " + TOKEN_ENV + ": the integration token is missing, wrong or revoked";
      case 403, 404 -> "share the parent page with the integration (page menu, Connections) and check the page id";
      case 409 -> "the page was changed at the same time; try again";
      case 429 -> "rate limited by Notion; gave up after " + attempts + " attempts";
      default -> status >= 500 ? "Notion is unavailable; gave up after " + attempts + " attempts" : null;
    };
    return new NotionApiException("COS-EXP-041", "Notion answered HTTP " + status + (code == null ? "" : " " + code)
        + " to " + what + (message == null ? "" : ": " + message), status, code, message, hint, null);
  }

  /** {@code s} with the token blanked out, should a server or library ever echo it. */
  private String scrub(String s) {
    return s.replace(token, "[token]");
  }

  @Override
  public String toString() {
    return "NotionClient[base=" + base + ", version=" + NOTION_VERSION + ", token=(set)]";
  }
}
