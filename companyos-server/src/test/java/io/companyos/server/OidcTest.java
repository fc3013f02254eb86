package io.companyos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.companyos.model.BuiltinDefinitions;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** OIDC sign-in: the claim mapped to roles, and the login redirect to a provider found by discovery. */
class OidcTest {
  static final ServerSettings.Oidc OIDC = new ServerSettings.Oidc("https://id.example.com", "companyos", "s3cret",
      "groups", Map.of("Finance", List.of("cfo", "finops_lead"), "Ops", List.of("sre_lead", "no_such_role")));

  static List<String> mapped(Object claim) {
    OidcIdToken token = new OidcIdToken("t", Instant.EPOCH, Instant.EPOCH.plusSeconds(60),
        claim == null ? Map.of("sub", "ann") : Map.of("sub", "ann", "groups", claim));
    Collection<? extends GrantedAuthority> out = DashboardSecurity.authoritiesMapper(OIDC,
        BuiltinDefinitions.load().roles()).mapAuthorities(List.of(new OidcUserAuthority(token)));
    return out.stream().map(GrantedAuthority::getAuthority).sorted().toList();
  }

  @Test
  void theGroupsClaimMapsToRolesThroughTheMappingOrByRoleId() {
    assertThat(mapped(List.of("Finance"))).containsExactly("ROLE_cfo", "ROLE_finops_lead");
    // A value that is a role id grants it; unknown values and unknown mapped roles grant nothing.
    assertThat(mapped(List.of("Ops", "ciso", "Marketing"))).containsExactly("ROLE_ciso", "ROLE_sre_lead");
    assertThat(mapped("Finance, ceo")).containsExactly("ROLE_ceo", "ROLE_cfo", "ROLE_finops_lead");
    assertThat(mapped(null)).isEmpty();
  }

  @Test
  void theSecretStaysOutOfTheSettingsText() {
    assertThat(OIDC.toString()).doesNotContain("s3cret");
  }

  @Test
  void aVisitorIsSentToTheProviderFoundByDiscovery() throws Exception {
    HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String issuer = "http://127.0.0.1:" + idp.getAddress().getPort();
    String discovery = "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
        + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
        + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    idp.createContext("/.well-known/openid-configuration", x -> {
      byte[] body = discovery.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    idp.start();
    Instant asOf = Instant.parse("2026-11-23T09:00:00Z");
    try (Sources sources = SourceRegistry.discover().openDefault(Clock.fixed(asOf, ZoneOffset.UTC))) {
      ServerSettings settings = new ServerSettings(null, false,
          new ServerSettings.Oidc(issuer, "companyos", "s3cret", "groups", Map.of()), null, Duration.ofMinutes(1), 1,
          null, false, true, null);
      try (DashboardServer server = DashboardServer.start(new ServedCompany(BuiltinDefinitions.load(), sources.all(),
          () -> asOf), settings, "127.0.0.1", 0)) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + server.port();
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboards/cto")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(302);
        // With OIDC only, the sign-in is the provider's.
        assertThat(first.headers().firstValue("Location").orElseThrow()).isEqualTo(base + "/oauth2/authorization/oidc");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> second = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/oidc"))
            .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location").orElseThrow()).startsWith(issuer + "/authorize?")
            .contains("client_id=companyos", "response_type=code", "scope=openid", "state=")
            .contains("redirect_uri=" + base + "/login/oauth2/code/oidc", "nonce=");
      }
    } finally {
      idp.stop(0);
    }
  }
}
