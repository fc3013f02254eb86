package io.companyos.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Meeting participants reach the calendar: each person holding the owner or a participant role is
 * an RFC 5545 ATTENDEE, the owner's first holder the ORGANIZER, and a role nobody holds a COMMENT.
 */
class RhythmCalendarAttendeesTest {
  private static final Invitee JORDAN = new Invitee("Jordan Blake", "sre-lead@example.com");
  private static final Invitee CHRIS = new Invitee("Chris Novak", "oncall@example.com");
  private static final Invitee KOFI = new Invitee("Kofi Mensah", "team-lead@example.com");
  private static final Invitee HANA = new Invitee("Hana Kim", "eng-manager@example.com");
  private static final Invitee LUIS = new Invitee("Luis Ortega", "engineer@example.com");
  private static final Invitee ELENA = new Invitee("Elena Petrova", "product-lead@example.com");

  /** A directory by hand: groups list their members' holders, as the delivery directory expands them. */
  private static final Map<String, List<Invitee>> PEOPLE = Map.of(
      "sre_lead", List.of(JORDAN),
      "sre_team", List.of(JORDAN, CHRIS),
      "engineering_leads", List.of(KOFI, JORDAN, HANA),
      "engineering_manager", List.of(HANA),
      "engineering_team", List.of(LUIS),
      "product_team", List.of(ELENA));
  private static final Function<String, List<Invitee>> DIRECTORY = r -> PEOPLE.getOrDefault(r, List.of());

  private static final String ICS =
      RhythmCalendar.write(RhythmCalendarTest.RHYTHM, RhythmCalendarTest.FROM, RhythmCalendarTest.FROM, DIRECTORY);

  /** The unfolded content lines of one meeting's VEVENT. */
  private static List<String> event(String uid) {
    String unfolded = ICS.replace("\r\n ", "");
    int at = unfolded.indexOf("UID:" + uid + "@companyos");
    return List.of(unfolded.substring(at, unfolded.indexOf("END:VEVENT", at)).split("\r\n"));
  }

  @Test
  void theOwnerChairsAndEveryParticipantIsInvitedOnce() {
    // ops-review: owner sre_lead; participants sre_team (Jordan, Chris) and engineering_leads (Kofi, Jordan, Hana).
    // Jordan holds the owner role, so he organizes and chairs, and is not listed again as a participant.
    assertThat(event("ops-review")).containsSubsequence(
        "ORGANIZER;CN=\"Jordan Blake\":mailto:sre-lead@example.com",
        "ATTENDEE;CN=\"Jordan Blake\";ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:sre-lead@example.com",
        "ATTENDEE;CN=\"Chris Novak\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:oncall@example.com",
        "ATTENDEE;CN=\"Kofi Mensah\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:team-lead@example.com",
        "ATTENDEE;CN=\"Hana Kim\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:eng-manager@example.com");
    assertThat(event("ops-review")).filteredOn(l -> l.startsWith("ATTENDEE")).hasSize(4);
    assertThat(event("ops-review")).noneMatch(l -> l.startsWith("COMMENT"));
    assertThat(event("ops-review")).anyMatch(l -> l.startsWith("DESCRIPTION:")
        && l.endsWith("Owner: sre_lead. Participants: sre_team\\, engineering_leads. Artifact: Ops Review Dashboard."));
  }

  @Test
  void aRoleNobodyHoldsIsNamedInACommentNotDroppedSilently() {
    // sprint-review: owner engineering_manager (Hana); participants engineering_team (Luis), product_team (Elena),
    // stakeholders (nobody in this directory).
    assertThat(event("sprint-review")).filteredOn(l -> l.startsWith("ATTENDEE") || l.startsWith("COMMENT")
        || l.startsWith("ORGANIZER")).containsExactly(
        "ORGANIZER;CN=\"Hana Kim\":mailto:eng-manager@example.com",
        "ATTENDEE;CN=\"Hana Kim\";ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:eng-manager@example.com",
        "ATTENDEE;CN=\"Luis Ortega\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:engineer@example.com",
        "ATTENDEE;CN=\"Elena Petrova\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:product-lead@example.com",
        "COMMENT:Not invited: nobody in the directory holds role stakeholders.");
    // A meeting whose owner nobody holds has attendees but no organizer: exec-review is owned by the CTO.
    assertThat(event("exec-review")).noneMatch(l -> l.startsWith("ORGANIZER") || l.startsWith("ATTENDEE"))
        .contains("COMMENT:Not invited: nobody in the directory holds role cto.");
    assertThat(RhythmCalendar.rolesWithoutInvitees(RhythmCalendarTest.RHYTHM, DIRECTORY)).contains("stakeholders", "cto")
        .doesNotContain("sre_team", "engineering_team");
  }

  @Test
  void longAttendeeLinesAreFoldedAt75Octets() {
    for (String line : ICS.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    // The Elena line is 112 octets: 75 on the first line, then CRLF, a space and the remaining 37.
    String line = "ATTENDEE;CN=\"Elena Petrova\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:"
        + "product-lead@example.com";
    assertThat(line).hasSize(112);
    assertThat(ICS).contains(line.substring(0, 75) + "\r\n " + line.substring(75) + "\r\n");
  }

  @Test
  void namesAreQuotedAndCaretEncoded() {
    // RFC 5545 quotes a value holding ',' ';' or ':'; RFC 6868 writes '"' as ^' and '^' as ^^.
    assertThat(RhythmCalendar.param("Reyes, Morgan \"Mo\"")).isEqualTo("\"Reyes, Morgan ^'Mo^'\"");
    assertThat(RhythmCalendar.param("A^B")).isEqualTo("\"A^^B\"");
  }

  @Test
  void withoutADirectoryTheCalendarHasNoAttendeesButNamesTheParticipants() {
    String plain = RhythmCalendarTest.ICS;
    assertThat(plain).doesNotContain("ATTENDEE", "ORGANIZER", "COMMENT");
    assertThat(plain.replace("\r\n ", "")).contains("Participants: sre_team\\, engineering_leads.");
  }
}
