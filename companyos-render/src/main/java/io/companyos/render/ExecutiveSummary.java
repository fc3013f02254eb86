package io.companyos.render;

import io.companyos.sources.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The short, rule-based summary at the top of leadership packs: the headline health score and status,
 * the biggest risk, the biggest win and the decisions needed. Built from the pack's own values, so
 * every sentence can be traced to a section: each line carries the provenance of the value it quotes (null for a
 * line that quotes none, such as "n/a"), so packs put the same footnote on the line as on the value.
 *
 * @param headline the health score and status line
 * @param biggestRisk the biggest-risk line
 * @param biggestWin the biggest-win line
 * @param decisionsNeeded the decisions-needed line
 * @param headlineSource the provenance of the value the headline quotes, or null
 * @param riskSource the provenance of the value the risk line quotes, or null
 * @param winSource the provenance of the value the win line quotes, or null
 * @param decisionsSource the provenance of the value the decisions line quotes, or null
 */
public record ExecutiveSummary(String headline, String biggestRisk, String biggestWin, String decisionsNeeded,
    @Nullable Provenance headlineSource, @Nullable Provenance riskSource, @Nullable Provenance winSource,
    @Nullable Provenance decisionsSource) {
  /**
   * A summary whose lines name no source.
   *
   * @param headline the health score and status line
   * @param biggestRisk the biggest-risk line
   * @param biggestWin the biggest-win line
   * @param decisionsNeeded the decisions-needed line
   */
  public ExecutiveSummary(String headline, String biggestRisk, String biggestWin, String decisionsNeeded) {
    this(headline, biggestRisk, biggestWin, decisionsNeeded, null, null, null, null);
  }

  /**
   * Checks that every line is there.
   *
   * @param headline the health score and status line
   * @param biggestRisk the biggest-risk line
   * @param biggestWin the biggest-win line
   * @param decisionsNeeded the decisions-needed line
   * @param headlineSource the provenance the headline quotes, or null
   * @param riskSource the provenance the risk line quotes, or null
   * @param winSource the provenance the win line quotes, or null
   * @param decisionsSource the provenance the decisions line quotes, or null
   * @throws NullPointerException if a line is null
   */
  public ExecutiveSummary {
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(biggestRisk, "biggestRisk");
    Objects.requireNonNull(biggestWin, "biggestWin");
    Objects.requireNonNull(decisionsNeeded, "decisionsNeeded");
  }

  /**
   * The four lines in reading order.
   *
   * @return headline, biggest risk, biggest win, decisions needed
   */
  public List<String> lines() {
    return List.of(headline, biggestRisk, biggestWin, decisionsNeeded);
  }

  /**
   * The provenance of one line of {@link #lines()}.
   *
   * @param index the line's index, 0 (headline) to 3 (decisions needed)
   * @return the provenance of the value the line quotes, or null when it quotes none
   * @throws IndexOutOfBoundsException if {@code index} is not 0 to 3
   */
  public @Nullable Provenance source(int index) {
    return switch (index) {
      case 0 -> headlineSource;
      case 1 -> riskSource;
      case 2 -> winSource;
      case 3 -> decisionsSource;
      default -> throw new IndexOutOfBoundsException("a summary has 4 lines, not " + (index + 1));
    };
  }

  /**
   * The provenance of each line that has one, in reading order (the lines' footnotes).
   *
   * @return the provenances; empty when no line quotes a value
   */
  public List<Provenance> sources() {
    List<Provenance> out = new ArrayList<>();
    for (Provenance p : new Provenance[] {headlineSource, riskSource, winSource, decisionsSource}) {
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }
}
