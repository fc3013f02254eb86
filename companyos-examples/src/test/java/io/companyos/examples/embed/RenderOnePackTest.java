package io.companyos.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderOnePackTest {
  @Test
  void rendersTheOpsReviewFromTheSampleCompany() {
    String md = RenderOnePack.render("ops-review");
    assertThat(md).startsWith("## Weekly Ops Review - Week 47")
        .contains("### Incident Summary", "### SLO Performance", "### DORA Metrics (WoW)", "### Action Items from Last Week",
            "### This Week's Focus")
        .contains("[^1]: sample · incidents")
        .doesNotContain("{{", "NaN", "null");
  }
}
