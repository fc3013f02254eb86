package io.companyos.schedule;

import java.util.Objects;

/**
 * A person a calendar event invites: the display name and e-mail address a directory gives for
 * someone holding one of the meeting's roles. {@link RhythmCalendar} writes each as an RFC 5545
 * {@code ATTENDEE} (and the owner's first holder as {@code ORGANIZER}).
 */
public record Invitee(String name, String email) {
  public Invitee {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    if (email.isBlank() || email.chars().anyMatch(c -> c < 0x21 || c == '"' || c == '<' || c == '>')) {
      throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
    }
  }
}
