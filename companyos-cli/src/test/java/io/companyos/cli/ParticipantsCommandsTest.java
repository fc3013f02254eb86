package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meeting participants in {@code schedule} (text and JSON) and as attendees in {@code calendar}. */
class ParticipantsCommandsTest {
  @TempDir Path dir;

  @Test
  void scheduleListsEachMeetingsParticipantRoles() throws Exception {
    MainTest.Result text = MainTest.run("schedule", "--from", "2026-11-23T00:00:00Z", "--days", "1");
    assertThat(text.out()).contains(
        "Mon 2026-11-23 10:00 UTC  meeting  Ops Review (participants: sre_team, engineering_leads)\n",
        "Mon 2026-11-23 09:00 UTC  meeting  Daily Standup (participants: engineering_team)\n");

    JsonNode rows = new ObjectMapper().readTree(
        MainTest.run("schedule", "--from", "2026-11-23T00:00:00Z", "--days", "1", "--format", "json").out());
    assertThat(rows).anySatisfy(n -> {
      assertThat(n.get("kind").asText()).isEqualTo("meeting");
      assertThat(n.get("id").asText()).isEqualTo("ops-review");
      assertThat(n.get("participants")).extracting(JsonNode::asText).containsExactly("sre_team", "engineering_leads");
    });
    assertThat(rows).filteredOn(n -> !n.get("kind").asText().equals("meeting"))
        .allSatisfy(n -> assertThat(n.get("participants")).isEmpty());
  }

  @Test
  void calendarInvitesThePeopleOfTheSampleDirectory() throws Exception {
    Path ics = dir.resolve("rhythm.ics");
    MainTest.Result r = MainTest.run("calendar", "--out", ics.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("attendees from the sample directory");
    String unfolded = Files.readString(ics).replace("\r\n ", "");
    int at = unfolded.indexOf("UID:ops-review@companyos");
    String opsReview = unfolded.substring(at, unfolded.indexOf("END:VEVENT", at));
    // Owner sre_lead: Jordan Blake. sre_team = sre_lead + sre_oncall (Chris Novak); engineering_leads =
    // team_lead, sre_lead, security_lead, engineering_manager, in the directory's order: Noor, Kofi, Hana.
    assertThat(opsReview).containsSubsequence(
        "ORGANIZER;CN=\"Jordan Blake\":mailto:sre-lead@example.com\r\n",
        "ATTENDEE;CN=\"Jordan Blake\";ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:sre-lead@example.com\r\n",
        "ATTENDEE;CN=\"Chris Novak\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:oncall@example.com\r\n",
        "ATTENDEE;CN=\"Noor Haddad\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:security-lead@example.com\r\n",
        "ATTENDEE;CN=\"Kofi Mensah\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:team-lead@example.com\r\n",
        "ATTENDEE;CN=\"Hana Kim\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:eng-manager@example.com\r\n");
    assertThat(opsReview.split("\r\nATTENDEE", -1)).hasSize(6);
    // The sample directory has someone for every role of the rhythm: nothing is left out.
    assertThat(r.out()).doesNotContain("not invited");
    assertThat(unfolded).doesNotContain("COMMENT:");
  }

  @Test
  void calendarSaysWhichRolesNobodyInTheDirectoryHolds() throws Exception {
    Path people = dir.resolve("people.csv");
    Files.writeString(people, "email,name,roles\nana@corp.example,Ana Lima,sre_lead\n");
    Path ics = dir.resolve("rhythm.ics");
    MainTest.Result r = MainTest.run("calendar", "--out", ics.toString(), "--directory", people.toString());
    assertThat(r.code()).isZero();
    // Ana holds sre_lead, and through it the groups sre_team and engineering_leads; every other owner or
    // participant role of the ten meetings has nobody.
    assertThat(r.out()).contains("not invited, nobody in the directory holds: ceo, cfo, ciso, cto, customer_success, "
        + "department_heads, engineering_manager, engineering_managers, engineering_team, executive_team, finops_lead, "
        + "product_lead, product_team, security_lead, security_team, stakeholders, team_lead, vp_engineering, vp_product "
        + "(each event says so in a COMMENT)");
    String unfolded = Files.readString(ics).replace("\r\n ", "");
    assertThat(unfolded).contains("ATTENDEE;CN=\"Ana Lima\";ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:ana@corp.example\r\n",
        "COMMENT:Not invited: nobody in the directory holds role stakeholders.\r\n");
  }
}
