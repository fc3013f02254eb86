package io.companyos.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.render.ArtifactStore;
import io.companyos.spring.autoconfigure.CompanyOsPacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=health,companyos",
    "management.endpoint.health.show-details=always",
    "companyos.output-dir=target/sample-app-packs"})
class SampleRhythmAppTest {
  @LocalServerPort int port;
  @Autowired CompanyOsPacks packs;

  String get(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isIn(200, 503);
    return r.body();
  }

  @Test
  void servesAPackFromTheSampleCompany() throws Exception {
    assertThat(get("/actuator/companyos/ops-review")).startsWith("## Weekly Ops Review - Week 47").contains("### SLO Performance");
    assertThat(get("/actuator/companyos")).contains("\"id\":\"qbr\"");
  }

  @Test
  void generatesAPackIntoTheStore() {
    ArtifactStore.Stored stored = packs.generate(packs.pack("security-standup"), packs.asOf());
    assertThat(stored.path()).exists();
  }

  @Test
  void healthShowsTheCompanyOsComponent() throws Exception {
    // Critical CVEs are open in the sample company, so the component (and the app) reports DOWN (HTTP 503).
    assertThat(get("/actuator/health")).contains("\"companyos\"").contains("healthScore").contains("Security Posture");
  }
}
