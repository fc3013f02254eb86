package io.companyos.model.pack;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A meeting pack as configured in {@code meeting-packs/<id>.yaml}: when it is generated, for whom,
 * which sections it holds and where it is delivered. This is the seed's "Pack Configuration" YAML
 * plus the optional link to the rhythm meeting it prepares.
 *
 * @param id the file stem, e.g. {@code ops-review}
 * @param schedule 5-field cron ({@code minute hour day-of-month month day-of-week}) read in
 *     {@code timezone}; null when the pack is generated {@link #leadTime()} before each occurrence of
 *     {@link #meeting()} instead (cron cannot say "the day before the first Monday")
 * @param timezone IANA zone for {@code schedule}; when the YAML omits it, the zone of {@code meeting}
 *     (loading resolves it, so a 07:00 cron for a New York meeting runs at 07:00 New York time on
 *     both sides of a DST change), or UTC for a pack without a meeting
 * @param meeting id of the rhythm meeting this pack prepares, or null
 * @param leadTime how long before the meeting the pack is generated, or null for
 *     {@link #DEFAULT_LEAD_TIME}
 */
public record PackDefinition(
    @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
    @NotBlank String name,
    @Nullable String schedule,
    ZoneId timezone,
    @Nullable String meeting,
    @Nullable Duration leadTime,
    List<@Valid Recipient> recipients,
    @NotEmpty List<@Valid SectionSpec> sections,
    List<@Valid Delivery> delivery) {

  /** The seed's rule: packs are ready 24 hours before the meeting. */
  public static final Duration DEFAULT_LEAD_TIME = Duration.ofHours(24);

  public PackDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timezone, "timezone");
    recipients = List.copyOf(recipients);
    sections = List.copyOf(sections);
    delivery = List.copyOf(delivery);
    if (schedule == null && meeting == null) {
      throw new IllegalArgumentException("pack '" + id + "' needs a schedule or a meeting");
    }
  }

  /** The lead time to apply before the linked meeting: {@link #leadTime()} or 24 hours. */
  public Duration effectiveLeadTime() {
    return leadTime != null ? leadTime : DEFAULT_LEAD_TIME;
  }

  /**
   * When to generate the pack: the {@code schedule} when there is one (it wins over the meeting
   * link), else {@link #effectiveLeadTime()} before each occurrence of {@code meeting}.
   */
  public PackTrigger trigger() {
    if (schedule != null) {
      return new PackTrigger.Cron(schedule, timezone);
    }
    return new PackTrigger.BeforeMeeting(Objects.requireNonNull(meeting), effectiveLeadTime());
  }

  /** Recipient role ids in order. */
  public List<String> recipientRoles() {
    return recipients.stream().map(Recipient::role).toList();
  }

  /** The section types in order. */
  public List<String> sectionTypes() {
    return sections.stream().map(SectionSpec::type).toList();
  }
}
