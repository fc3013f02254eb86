package io.companyos.server;

import static io.companyos.server.ServerFixture.DASHBOARDS;
import static io.companyos.server.ServerFixture.MAY_OPEN;
import static io.companyos.server.ServerFixture.MAY_READ;
import static io.companyos.server.ServerFixture.PACKS;
import static io.companyos.server.ServerFixture.PACK_TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.companyos.model.data.DashboardView;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FilesSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Every route of the server for every demo user, signed in through the real users file, against the seed's table. */
class ServerRoutesTest {
  @TempDir
  static Path audit;

  static ServerFixture fixture;
  static MockMvc mvc;
  static final Map<String, MockHttpSession> SESSIONS = new HashMap<>();

  @BeforeAll
  static void start() {
    fixture = new ServerFixture(audit);
    mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) fixture.server.context()).apply(springSecurity())
        .build();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static MockHttpSession session(String user) throws Exception {
    MockHttpSession s = SESSIONS.get(user);
    if (s == null) {
      MvcResult r = mvc.perform(formLogin().user(user).password(user + "-demo")).andReturn();
      assertThat(r.getResponse().getStatus()).isEqualTo(302);
      assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/");
      s = (MockHttpSession) r.getRequest().getSession(false);
      SESSIONS.put(user, s);
    }
    return s;
  }

  static MockHttpServletResponse as(String user, String path) throws Exception {
    return mvc.perform(get(path).session(session(user))).andReturn().getResponse();
  }

  static MockHttpServletResponse anonymous(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  @Test
  void everyDashboardOpensForItsAccessLevelAndAnswers403WithNoDataToEveryoneElse() throws Exception {
    for (String user : MAY_OPEN.keySet()) {
      for (String id : DASHBOARDS.keySet()) {
        MockHttpServletResponse r = as(user, "/dashboards/" + id);
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        if (MAY_OPEN.get(user).contains(id)) {
          assertThat(r.getStatus()).as(user + " opens " + id).isEqualTo(200);
          assertThat(body).contains("<h1>" + DASHBOARDS.get(id) + "</h1>", PACK_TITLE.get(id), "<svg");
        } else {
          assertThat(r.getStatus()).as(user + " may not open " + id).isEqualTo(403);
          assertThat(body).doesNotContain(DASHBOARDS.get(id), PACK_TITLE.get(id), "<table", "<svg", "Section");
        }
      }
    }
  }

  @Test
  void theSeedsUrlsAndTheirFolderFormsAnswerAlike() throws Exception {
    for (String path : List.of("/dashboards/ops-review", "/dashboards/ops-review/", "/dashboards/ops-review/index.html")) {
      assertThat(as("sre", path).getStatus()).as(path).isEqualTo(200);
      assertThat(as("finops", path).getStatus()).as(path).isEqualTo(403);
    }
    assertThat(as("sre", "/dashboards/no-such-dashboard").getStatus()).isEqualTo(404);
  }

  @Test
  void aPackPageOfADashboardFollowsTheDashboardsAccessLevel() throws Exception {
    // ops-review is weekly: as of Monday 2026-11-23 the latest pack is that day's, the one before a week earlier.
    MockHttpServletResponse ok = as("sre", "/dashboards/ops-review/ops-review/2026-11-16.html");
    assertThat(ok.getStatus()).isEqualTo(200);
    assertThat(ok.getContentAsString(StandardCharsets.UTF_8)).contains("Weekly Ops Review");
    MockHttpServletResponse no = as("ceo", "/dashboards/ops-review/ops-review/2026-11-16.html");
    assertThat(no.getStatus()).isEqualTo(403);
    assertThat(no.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Ops Review", "Incident");
    assertThat(as("sre", "/dashboards/ops-review/ops-review/2020-01-06.html").getStatus()).isEqualTo(404);
  }

  @Test
  void sectionsARedactedWithinAPageByThePacksOwnPolicy() throws Exception {
    // product-metrics' customer_health is visible to customer success, product and leadership: not to the SRE lead.
    String sre = as("sre", "/dashboards/product-health").getContentAsString(StandardCharsets.UTF_8);
    assertThat(sre).contains("restricted: visible to Customer Success, Product, Leadership");
    String product = as("product", "/dashboards/product-health").getContentAsString(StandardCharsets.UTF_8);
    assertThat(product).doesNotContain("restricted: visible to").contains("Customer Health Signals");
  }

  @Test
  void theIndexLinksOnlyTheDashboardsTheReaderMayOpen() throws Exception {
    String index = as("finops", "/").getContentAsString(StandardCharsets.UTF_8);
    assertThat(index).contains("href=\"/dashboards/finops\"").doesNotContain("href=\"/dashboards/exec-cockpit\"",
        "href=\"/dashboards/ops-review\"");
    assertThat(index).contains("no access for this reader", "Sign out (finops)");
    for (String page : List.of("/index.html", "/rhythm.html", "/raci.html", "/kpis.html", "/badge.svg", "/packs")) {
      assertThat(as("finops", page).getStatus()).as(page).isEqualTo(200);
    }
  }

  @Test
  void theArchiveListsAndServesOnlyThePacksTheReaderMayRead() throws Exception {
    for (String user : MAY_READ.keySet()) {
      String archive = as(user, "/packs").getContentAsString(StandardCharsets.UTF_8);
      for (String pack : PACKS) {
        boolean may = MAY_READ.get(user).contains(pack);
        assertThat(archive.contains("id=\"pack-" + pack + "\"")).as(user + " lists " + pack).isEqualTo(may);
        MockHttpServletResponse r = as(user, "/packs/" + pack + "/2026-11-23.md");
        if (!may) {
          assertThat(r.getStatus()).as(user + " downloads " + pack).isEqualTo(403);
          assertThat(r.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(pack, "##");
        } else {
          assertThat(r.getStatus()).as(user + " downloads " + pack).isIn(200, 404);
        }
      }
    }
  }

  @Test
  void aPackDownloadsInEveryExportFormatTheProjectHas() throws Exception {
    String archive = as("sre", "/packs").getContentAsString(StandardCharsets.UTF_8);
    Map<String, String> types = Map.of("md", "text/markdown", "html", "text/html", "json", "application/json",
        "pdf", "application/pdf", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "notion.json", "application/json", "confluence.xhtml", "application/xhtml+xml");
    for (Map.Entry<String, String> e : types.entrySet()) {
      String path = "/packs/ops-review/2026-11-23." + e.getKey();
      assertThat(archive).contains("href=\"" + path + "\"");
      MockHttpServletResponse r = as("sre", path);
      assertThat(r.getStatus()).as(path).isEqualTo(200);
      assertThat(r.getContentType()).as(path).startsWith(e.getValue());
      assertThat(r.getHeader("Content-Disposition")).contains("attachment", "ops-review-2026-11-23." + e.getKey());
      assertThat(r.getContentAsByteArray()).isNotEmpty();
    }
    assertThat(new String(as("sre", "/packs/ops-review/2026-11-23.pdf").getContentAsByteArray(), 0, 5,
        StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(as("sre", "/packs/ops-review/2026-11-23.md").getContentAsString(StandardCharsets.UTF_8))
        .contains("Weekly Ops Review");
    assertThat(as("sre", "/packs/ops-review/2026-11-23.docx").getStatus()).isEqualTo(404);
  }

  @Test
  void whoHasNotSignedInIsSentToSignInForEveryRoute() throws Exception {
    List<String> paths = List.of("/", "/index.html", "/dashboards/exec-cockpit", "/dashboards/cto", "/dashboards/ciso",
        "/dashboards/ops-review", "/dashboards/product-health", "/dashboards/finops",
        "/dashboards/ops-review/ops-review/2026-11-23.html", "/packs", "/packs/ops-review/2026-11-23.pdf",
        "/badge.svg", "/rhythm.html", "/raci.html", "/kpis.html");
    for (String path : paths) {
      MockHttpServletResponse r = anonymous(get(path));
      assertThat(r.getStatus()).as(path).isEqualTo(302);
      assertThat(r.getRedirectedUrl()).as(path).endsWith("/login");
    }
    MockHttpServletResponse login = anonymous(get("/login"));
    assertThat(login.getStatus()).isEqualTo(200);
    assertThat(login.getContentAsString(StandardCharsets.UTF_8)).contains("name=\"_csrf\"");
  }

  @Test
  void aWrongPasswordDoesNotSignIn() throws Exception {
    MvcResult r = mvc.perform(formLogin().user("ceo").password("sre-demo")).andReturn();
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    MvcResult nobody = mvc.perform(formLogin().user("nobody").password("nobody-demo")).andReturn();
    assertThat(nobody.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
  }

  @Test
  void formsNeedTheirCsrfToken() throws Exception {
    MockHttpServletResponse r = anonymous(post("/login").param("username", "ceo").param("password", "ceo-demo"));
    assertThat(r.getStatus()).isEqualTo(403);
    MockHttpSession s = (MockHttpSession) mvc.perform(formLogin().user("cfo").password("cfo-demo")).andReturn()
        .getRequest().getSession(false);
    assertThat(mvc.perform(post("/logout").session(s)).andReturn().getResponse().getStatus()).isEqualTo(403);
    MockHttpServletResponse out = mvc.perform(post("/logout").session(s).with(csrf())).andReturn().getResponse();
    assertThat(out.getRedirectedUrl()).isEqualTo("/login?logout");
  }

  @Test
  void theBadgeIsLiveWithCacheHeadersAndAnEtag() throws Exception {
    MockHttpServletResponse r = as("ceo", "/badge.svg");
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentType()).startsWith("image/svg+xml");
    assertThat(r.getContentAsString(StandardCharsets.UTF_8)).startsWith("<svg");
    assertThat(r.getHeader("Cache-Control")).contains("max-age=60");
    String etag = r.getHeader("ETag");
    assertThat(etag).startsWith("\"");
    MockHttpServletResponse again = mvc.perform(get("/badge.svg").session(session("ceo")).header("If-None-Match", etag))
        .andReturn().getResponse();
    assertThat(again.getStatus()).isEqualTo(304);
    assertThat(again.getContentAsByteArray()).isEmpty();
  }

  @Test
  void pagesAreNotCachedAndCarryAContentSecurityPolicy() throws Exception {
    MockHttpServletResponse r = as("ceo", "/dashboards/exec-cockpit");
    assertThat(r.getHeader("Cache-Control")).contains("no-store");
    assertThat(r.getHeader("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
    assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void theSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + fixture.server.port() + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=Lax");
  }

  @Test
  void theAuditLogRecordsViewsInTheFormatTheDashboardUsageKpiReads() throws Exception {
    as("cto", "/dashboards/cto");
    as("cto", "/dashboards/exec-cockpit");
    as("ceo", "/dashboards/exec-cockpit");
    as("ceo", "/dashboards/cto");
    // The folder read as a files source: distinct viewers of the last week.
    Instant now = Instant.now();
    FilesSource source = new FilesSource("audit", audit, true, Clock.fixed(now, ZoneOffset.UTC));
    List<DashboardView> views = source.records(RecordKind.DASHBOARD_VIEWS,
        new TimeWindow(now.minusSeconds(3600), now.plusSeconds(60))).rows();
    assertThat(views).anyMatch(v -> v.userId().equals("cto") && v.dashboard().equals("cto"));
    assertThat(views).anyMatch(v -> v.userId().equals("ceo") && v.dashboard().equals("exec-cockpit"));
    assertThat(views).noneMatch(v -> v.userId().equals("ceo") && v.dashboard().equals("cto"));
    String access = Files.readString(audit.resolve("access.csv"));
    assertThat(access).startsWith("timestamp,user_id,outcome,path\n").contains(",ceo,forbidden,/dashboards/cto\n");
    assertThat(access + Files.readString(audit.resolve("dashboard_views.csv"))).doesNotContain("-demo", "$2a$");
  }

  /** WCAG 2 relative luminance of {@code #rgb} or {@code #rrggbb}. */
  static double luminance(String hex) {
    String h = hex.substring(1);
    if (h.length() == 3) {
      h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    }
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
      c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double contrast(String a, String b) {
    double x = luminance(a);
    double y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  @Test
  void theContrastFormulaGivesTheKnownRatios() {
    assertThat(contrast("#000", "#fff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(contrast("#777", "#fff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void everyTextColourOfThePagesAndTheBadgeMeetsWcagAaOnItsBackground() throws Exception {
    for (String path : List.of("/dashboards/exec-cockpit", "/", "/packs", "/kpis.html", "/raci.html")) {
      String html = as("ceo", path).getContentAsString(StandardCharsets.UTF_8);
      String css = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![-\\w])color:(#[0-9a-fA-F]{3,6})").matcher(css);
      int found = 0;
      while (m.find()) {
        found++;
        assertThat(contrast(m.group(1), "#fff")).as(path + " text " + m.group(1) + " on white").isGreaterThanOrEqualTo(4.5);
      }
      assertThat(found).as(path).isGreaterThan(3);
    }
    // The badge: white text on the label's and the value's fill.
    String badge = as("ceo", "/badge.svg").getContentAsString(StandardCharsets.UTF_8);
    java.util.regex.Matcher fills = java.util.regex.Pattern.compile("<rect[^>]*fill=\"(#[0-9a-fA-F]{3,6})\"").matcher(badge);
    int rects = 0;
    while (fills.find()) {
      rects++;
      assertThat(contrast(fills.group(1), "#fff")).as("badge fill " + fills.group(1)).isGreaterThanOrEqualTo(4.5);
    }
    assertThat(rects).isEqualTo(2);
  }
}
