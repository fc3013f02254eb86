package io.companyos.model.rhythm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the rhythm (ops review, QBR, the automated health check, ...): what it is for, when
 * it recurs, who owns it and which artifact it produces. Packs link to a meeting by {@link #id()}.
 *
 * @param id stable kebab-case id, e.g. {@code ops-review}
 * @param time local start time; null only for {@link FrequencyRule.EveryMinutes} rules
 * @param zone the time zone {@code time} is read in
 * @param duration how long the meeting lasts; null for automated entries
 * @param owner role id of the owner
 * @param participants role ids of the participants
 */
public record Meeting(
    @NotBlank @Pattern(regexp = ID_PATTERN) String id,
    @NotBlank String name,
    Cadence cadence,
    @NotBlank String purpose,
    FrequencyRule frequency,
    @Nullable LocalTime time,
    ZoneId zone,
    @Nullable Duration duration,
    @NotBlank String owner,
    List<String> participants,
    @NotBlank String artifact,
    List<@Valid AgendaItem> agenda) {

  /** Ids are lower-case words joined by hyphens (they become file names and URLs). */
  public static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

  public Meeting {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(artifact, "artifact");
    participants = List.copyOf(participants);
    agenda = List.copyOf(agenda);
    if (time == null && !(frequency instanceof FrequencyRule.EveryMinutes)) {
      throw new IllegalArgumentException("meeting '" + id + "' needs a time for rule " + frequency.ruleName());
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("meeting '" + id + "' duration must be positive");
    }
  }

  /** True for entries that run unattended (no duration), such as the 5-minute health check. */
  public boolean automated() {
    return duration == null;
  }

  /** Sum of the agenda items' minutes; 0 when there is no agenda. */
  public int agendaMinutes() {
    return agenda.stream().mapToInt(AgendaItem::minutes).sum();
  }
}
