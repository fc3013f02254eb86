package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class DigestAndBadgeTest {
  @TempDir Path dir;

  @Test
  void theDigestShowsTheScoreAndEveryCheck() {
    MainTest.Result r = MainTest.run("digest", "--as-of", "2026-11-23T12:00:00Z");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("*Health digest — 2026-11-23 12:00 UTC*\nHealth score: ")
        .contains(":red_circle: Security Posture:", "SLO Budget Check:", "Active Incidents:")
        .contains("firing");
    // Same inputs, same text.
    assertThat(MainTest.run("digest", "--as-of", "2026-11-23T12:00:00Z").out()).isEqualTo(r.out());
  }

  @Test
  void theBadgeIsAWellFormedSvgWithTheScore() throws Exception {
    Path svg = dir.resolve("badge/health.svg");
    assertThat(MainTest.run("badge", "--out", svg.toString()).code()).isZero();
    String text = Files.readString(svg);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes()));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    // The same number as `score health`, to the tenth it is computed to (never rounded again), in a status colour.
    MainTest.Result health = MainTest.run("score", "health", "--format", "json");
    double score = new com.fasterxml.jackson.databind.ObjectMapper().readTree(health.out()).get("score").asDouble();
    assertThat(text).contains(">" + String.format(java.util.Locale.ROOT, "%.1f", score) + "/100<").containsAnyOf("#2e7d32", "#a15c00", "#c62828");
  }
}
