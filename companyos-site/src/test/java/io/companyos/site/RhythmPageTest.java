package io.companyos.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import org.junit.jupiter.api.Test;

/** The site's rhythm page: each meeting with when it meets, its owner and its participants by role name. */
class RhythmPageTest {
  static final CompanyDefinition COMPANY = BuiltinDefinitions.load();

  private static String row(String html, String meetingId) {
    int at = html.indexOf("<tr id=\"" + meetingId + "\">");
    return html.substring(at, html.indexOf("</tr>", at));
  }

  @Test
  void everyMeetingShowsItsOwnerAndParticipantsByRoleName() {
    String html = SiteTemplates.html("rhythm.ftlh", RhythmPage.model(COMPANY, ""));
    assertThat(html).contains("<a href=\"rhythm.html\">Rhythm</a>");
    // rhythm.yaml: ops-review, weekly on Monday 10:00 UTC for 30m, owner sre_lead, participants sre_team and
    // engineering_leads; roles.yaml names them "SRE Lead", "SRE Team", "Engineering Leads".
    assertThat(row(html, "ops-review")).contains("<td>Ops Review</td>", "<td>weekly</td>",
        "<td>Weekly on Monday, 10:00 UTC, 30m</td>", "<td>SRE Lead</td>", "<td>SRE Team, Engineering Leads</td>",
        "<td>Ops Review Dashboard</td>", "<td>Weekly Ops Review</td>");
    assertThat(row(html, "exec-review")).contains("<td>Monthly, 1st Monday, 14:00 UTC, 1h</td>",
        "<td>CEO, CTO, CISO, VP Engineering, VP Product, CFO</td>");
    assertThat(row(html, "daily-standup")).contains("<td>Monday to Friday, 09:00 UTC, 15m</td>", "<td>Engineering Team</td>");
    assertThat(row(html, "qbr")).contains("<td>Quarterly, 2nd Thursday of the quarter&#39;s 3rd month, 09:00 UTC, 4h</td>");
    // The automated health check has no participants and no pack.
    assertThat(row(html, "health-check")).contains("<td>Every 5 minutes</td>", "none (automated)", "<span class=\"absent\">none</span>");
  }
}
