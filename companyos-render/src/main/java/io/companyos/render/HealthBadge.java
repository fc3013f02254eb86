package io.companyos.render;

import io.companyos.scoring.health.HealthScore;
import io.companyos.scoring.health.HealthStatus;
import java.util.Locale;

/**
 * The "real-time health score badge on all dashboards" of the seed as a standalone SVG: grey label
 * "health", the score coloured by its status band (healthy green, watch amber, at risk red), or "n/a"
 * in grey when no KPI has data. Deterministic: the same score gives the same bytes.
 */
public final class HealthBadge {
  private HealthBadge() {}

  /**
   * The badge of {@code score}.
   *
   * @param score the composite health score, e.g. from {@link CompositeHealth#evaluate}
   * @return a standalone 120 x 20 SVG document with "health" and the score ("82.5/100", or "n/a"), whose
   *     {@code aria-label} and title also name the status
   */
  public static String svg(HealthScore score) {
    String text = score.score().isPresent() ? Unit.SCORE.format(score.score().getAsDouble()) + "/100" : "n/a";
    String colour = score.status() == null ? "#616161"
        : score.status() == HealthStatus.HEALTHY ? "#2e7d32" : score.status() == HealthStatus.WATCH ? "#a15c00" : "#c62828";
    String label = "health score " + text + (score.status() == null ? "" : " (" + score.status().label() + ")");
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"20\" viewBox=\"0 0 120 20\" role=\"img\" aria-label=\""
        + label + "\">\n"
        + "  <title>" + label + "</title>\n"
        + "  <rect width=\"56\" height=\"20\" fill=\"#555\"/>\n"
        + "  <rect x=\"56\" width=\"64\" height=\"20\" fill=\"" + colour + "\"/>\n"
        + "  <g fill=\"#fff\" font-family=\"DejaVu Sans,Verdana,sans-serif\" font-size=\"11\" text-anchor=\"middle\">\n"
        + "    <text x=\"28\" y=\"14\">health</text>\n"
        + "    <text x=\"88\" y=\"14\">" + text + "</text>\n"
        + "  </g>\n"
        + "</svg>\n";
  }
}
