package io.companyos.model.rhythm;

import io.companyos.model.time.SprintCalendar;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The company's operating rhythm: every recurring meeting and automated cadence, in the order of
 * the seed's calendar, and the sprint calendar that places "end of sprint" meetings. Ids are unique
 * so packs and RACI rows can refer to a meeting.
 */
public record Rhythm(List<@Valid Meeting> meetings, SprintCalendar sprints) {

  /** A rhythm with the {@link SprintCalendar#DEFAULT default} two-week sprints. */
  public Rhythm(List<Meeting> meetings) {
    this(meetings, SprintCalendar.DEFAULT);
  }

  public Rhythm {
    Objects.requireNonNull(sprints, "sprints");
    meetings = List.copyOf(meetings);
    Set<String> ids = new HashSet<>();
    for (Meeting m : meetings) {
      if (!ids.add(m.id())) {
        throw new IllegalArgumentException("meeting id '" + m.id() + "' appears twice");
      }
    }
  }

  /** The meeting with {@code id}, if any. */
  public Optional<Meeting> meeting(String id) {
    return meetings.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** The meetings of one cadence, in rhythm order. */
  public List<Meeting> byCadence(Cadence cadence) {
    return meetings.stream().filter(m -> m.cadence() == cadence).toList();
  }
}
