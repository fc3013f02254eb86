package io.companyos.schedule;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.PackTrigger;
import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.rhythm.Rhythm;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The upcoming rhythm of a company: meetings, pack generation times and the Slack digest. Packs with a
 * {@code schedule} run on their cron; packs tied to a {@code meeting} run {@code lead_time} before each
 * occurrence. The automated health check (every few minutes) is not listed: it is a loop, not an event.
 */
public final class RhythmSchedule {
  /** The seed's "Automated Slack digest at 6am, 12pm, 6pm". */
  public static final String DIGEST_CRON = "0 6,12,18 * * *";

  private RhythmSchedule() {}

  /** Generation times of {@code pack} in {@code [from, to)}, each with the meeting it prepares when known. */
  public static List<ScheduleEntry> packRuns(PackDefinition pack, Rhythm rhythm, Instant from, Instant to) {
    List<ScheduleEntry> out = new ArrayList<>();
    PackTrigger trigger = pack.trigger();
    if (trigger instanceof PackTrigger.Cron cron) {
      for (Instant at : CronSchedule.of(cron.expression(), cron.zone()).between(from, to)) {
        out.add(new ScheduleEntry(at, cron.zone(), ScheduleEntry.Kind.PACK, pack.id(), pack.name(), null));
      }
    } else if (trigger instanceof PackTrigger.BeforeMeeting before) {
      Meeting m = rhythm.meeting(before.meetingId()).orElseThrow(
          () -> new IllegalArgumentException("pack " + pack.id() + " names unknown meeting " + before.meetingId()));
      for (Instant meetingAt : MeetingOccurrences.between(m, rhythm.sprints(), from.plus(before.leadTime()), to.plus(before.leadTime()))) {
        out.add(new ScheduleEntry(meetingAt.minus(before.leadTime()), m.zone(), ScheduleEntry.Kind.PACK, pack.id(), pack.name(), meetingAt));
      }
    }
    return out;
  }

  /** Everything in {@code [from, to)}, ordered by time, then kind, then id. */
  public static List<ScheduleEntry> upcoming(CompanyDefinition company, Instant from, Instant to, ZoneId digestZone) {
    Rhythm rhythm = company.rhythm();
    List<ScheduleEntry> out = new ArrayList<>();
    for (Meeting m : rhythm.meetings()) {
      if (m.frequency() instanceof FrequencyRule.EveryMinutes) {
        continue;
      }
      for (Instant at : MeetingOccurrences.between(m, rhythm.sprints(), from, to)) {
        out.add(new ScheduleEntry(at, m.zone(), ScheduleEntry.Kind.MEETING, m.id(), m.name(), at, m.participants()));
      }
    }
    for (PackDefinition p : company.packs()) {
      out.addAll(packRuns(p, rhythm, from, to));
    }
    for (Instant at : CronSchedule.of(DIGEST_CRON, digestZone).between(from, to)) {
      out.add(new ScheduleEntry(at, digestZone, ScheduleEntry.Kind.DIGEST, "slack-digest", "Automated Slack digest", null));
    }
    out.sort(Comparator.comparing(ScheduleEntry::at).thenComparing(ScheduleEntry::kind).thenComparing(ScheduleEntry::id));
    return out;
  }
}
