package io.companyos.render;

import java.util.List;
import java.util.Objects;

/**
 * The short, rule-based summary at the top of leadership packs: the headline health score and status,
 * the biggest risk, the biggest win and the decisions needed. Built from the pack's own values, so
 * every sentence can be traced to a section.
 */
public record ExecutiveSummary(String headline, String biggestRisk, String biggestWin, String decisionsNeeded) {
  public ExecutiveSummary {
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(biggestRisk, "biggestRisk");
    Objects.requireNonNull(biggestWin, "biggestWin");
    Objects.requireNonNull(decisionsNeeded, "decisionsNeeded");
  }

  /** The four lines in reading order. */
  public List<String> lines() {
    return List.of(headline, biggestRisk, biggestWin, decisionsNeeded);
  }
}
