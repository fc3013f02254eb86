package io.companyos.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.render.ArtifactStore;
import io.companyos.spring.autoconfigure.CompanyOsPacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample service on a random port, configured by the application.yaml that docs/spring-boot.md shows (only the
 * output directory is moved into target/): the probes, the company's health group, the packs endpoint and every
 * documented meter, over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "companyos.output-dir=target/sample-app-packs")
class SampleRhythmAppTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> DOCUMENTED_METERS = List.of("companyos.pack.generation", "companyos.pack.sections.unavailable",
      "companyos.health.check.state", "companyos.source.requests");

  @LocalServerPort int port;
  @Autowired CompanyOsPacks packs;

  HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theServiceIsUpAndTheCompanysHealthIsInItsOwnGroup() throws Exception {
    // Critical CVEs are open in the sample company. That is the company's health, not the service's: /actuator/health
    // (what a load balancer or Kubernetes probes) stays UP, and the company's health is its own group.
    HttpResponse<String> overall = get("/actuator/health");
    assertThat(overall.statusCode()).isEqualTo(200);
    JsonNode root = JSON.readTree(overall.body());
    assertThat(root.get("status").asText()).isEqualTo("UP");
    assertThat(root.path("components").has("companyos")).isFalse();
    HttpResponse<String> company = get("/actuator/health/companyos");
    assertThat(company.statusCode()).isEqualTo(503);
    JsonNode group = JSON.readTree(company.body());
    assertThat(group.get("status").asText()).isEqualTo("DOWN");
    JsonNode details = group.at("/components/companyos/details");
    assertThat(details.at("/checks/Security Posture/status").asText()).isEqualTo("firing");
    assertThat(details.at("/checks/Active Incidents/severity").asText()).isEqualTo("P3");
    // Cached: further calls within the TTL (30 s) answer without querying a single source.
    double calls = sourceCalls();
    assertThat(calls).isPositive();
    for (int i = 0; i < 5; i++) {
      assertThat(get("/actuator/health/companyos").statusCode()).isEqualTo(503);
      assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }
    assertThat(sourceCalls()).isEqualTo(calls);
  }

  /** How many source calls the companyos.source.requests timer has counted (over all its tags). */
  double sourceCalls() throws Exception {
    JsonNode m = JSON.readTree(get("/actuator/metrics/companyos.source.requests").body());
    for (JsonNode s : m.get("measurements")) {
      if (s.get("statistic").asText().equals("COUNT")) {
        return s.get("value").asDouble();
      }
    }
    throw new AssertionError("no COUNT in " + m);
  }

  @Test
  void servesThePacksAndANotFoundForAnUnknownOne() throws Exception {
    HttpResponse<String> list = get("/actuator/companyos");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"id\":\"qbr\"");
    HttpResponse<String> ops = get("/actuator/companyos/ops-review");
    assertThat(ops.statusCode()).isEqualTo(200);
    assertThat(ops.body()).startsWith("## Weekly Ops Review - Week 47").contains("### SLO Performance");
    HttpResponse<String> unknown = get("/actuator/companyos/no-such-pack");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("Exception");
  }

  @Test
  void everyDocumentedMeterIsUnderActuatorMetrics() throws Exception {
    get("/actuator/health/companyos"); // queries the sources at least once (or did already): companyos.source.requests
    JsonNode names = JSON.readTree(get("/actuator/metrics").body()).get("names");
    List<String> listed = new java.util.ArrayList<>();
    names.forEach(n -> listed.add(n.asText()));
    assertThat(listed).containsAll(DOCUMENTED_METERS);
    for (String meter : DOCUMENTED_METERS) {
      HttpResponse<String> m = get("/actuator/metrics/" + meter);
      assertThat(m.statusCode()).as(meter).isEqualTo(200);
      assertThat(JSON.readTree(m.body()).get("name").asText()).isEqualTo(meter);
    }
    // The pack meters exist before any pack is generated, tagged per pack.
    assertThat(get("/actuator/metrics/companyos.pack.generation?tag=pack:qbr").statusCode()).isEqualTo(200);
  }

  @Test
  void generatesAPackIntoTheStoreAndTimesIt() throws Exception {
    ArtifactStore.Stored stored = packs.generate(packs.pack("security-standup"), packs.asOf());
    assertThat(stored.path()).exists();
    JsonNode timer = JSON.readTree(get("/actuator/metrics/companyos.pack.generation?tag=pack:security-standup&tag=outcome:success").body());
    assertThat(timer.at("/measurements/0/statistic").asText()).isEqualTo("COUNT");
    assertThat(timer.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
  }
}
