package io.companyos.schedule.check;

import io.companyos.scoring.health.HealthScore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The seed's "Automated Slack digest at 6am, 12pm, 6pm": the composite health score and every health
 * check's state in a few lines of Slack mrkdwn (text from data escaped). Deterministic for the same inputs.
 */
public final class HealthDigest {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);

  private HealthDigest() {}

  public static String text(Instant at, ZoneId zone, HealthScore score, List<CheckResult> checks) {
    StringBuilder sb = new StringBuilder();
    sb.append("*Health digest — ").append(WHEN.format(at.atZone(zone))).append("*\n");
    sb.append("Health score: ").append(score.score().isPresent()
        ? String.format(Locale.ROOT, "%.1f/100 (%s)", score.score().getAsDouble(), score.status().label())
        : "n/a (no KPI has data)").append('\n');
    long firing = checks.stream().filter(c -> c.status() == CheckStatus.FIRING).count();
    long failing = checks.stream().filter(c -> c.status() == CheckStatus.ERROR || c.status() == CheckStatus.NO_DATA
        || c.status() == CheckStatus.STALE).count();
    sb.append("Checks: ").append(firing).append(" firing, ").append(checks.size() - firing - failing).append(" ok")
        .append(failing > 0 ? ", " + failing + " without data, stale or failing" : "").append('\n');
    for (CheckResult c : checks) {
      String mark = switch (c.status()) {
        case FIRING -> ":red_circle:";
        case OK -> ":large_green_circle:";
        case NO_DATA, ERROR, STALE -> ":white_circle:";
      };
      sb.append("• ").append(mark).append(' ').append(SlackAction.escape(c.check().name())).append(": ")
          .append(SlackAction.escape(c.detail())).append('\n');
    }
    return sb.toString();
  }
}
