package io.companyos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.model.CompanyDefinition;
import io.companyos.render.CompositeHealth;
import io.companyos.schedule.check.CheckResult;
import io.companyos.schedule.check.HealthDigest;
import io.companyos.sources.MetricSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Slack digest: its text, and posting it to {@code COMPANYOS_SLACK_WEBHOOK_URL} (only a 2xx answer counts). */
final class DigestPost {
  static final String URL = "COMPANYOS_SLACK_WEBHOOK_URL";

  private DigestPost() {}

  static String text(CompanyDefinition company, List<MetricSource> sources, Instant at, ZoneId zone, List<CheckResult> checks) {
    return HealthDigest.text(at, zone, CompositeHealth.evaluate(company, sources, at, zone), checks);
  }

  /** Posts {@code text}; empty when Slack answered 2xx, else why not. */
  static Optional<String> post(Map<String, String> settings, String text) {
    String url = settings.get(URL);
    if (url == null || url.isBlank()) {
      return Optional.of("not configured: set " + URL);
    }
    try {
      String body = new ObjectMapper().writeValueAsString(Map.of("text", text));
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(io.companyos.model.base.Redaction.parseSecretUrl(URL, url)).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() / 100 == 2 ? Optional.empty() : Optional.of("Slack answered HTTP " + r.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of(io.companyos.model.base.Redaction.message(e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }
}
