package io.companyos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.model.CompanyDefinition;
import io.companyos.schedule.RhythmSchedule;
import io.companyos.schedule.ScheduleEntry;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code companyos schedule}: upcoming meetings, pack generation times and digests. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = {"Lists upcoming meetings, when each pack is generated (cron, or lead time before its meeting), and "
        + "the Slack digest.",
        "Deterministic for a given --from."})
final class ScheduleCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Option(names = "--from", paramLabel = "ISO", description = "Start instant (default: the sample company's as-of, 2026-11-23T09:00:00Z).")
  @Nullable Instant from;

  @Option(names = "--days", defaultValue = "7", description = "How many days to list (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--tz", paramLabel = "ZONE", defaultValue = "UTC", description = "Time zone to print times in (default ${DEFAULT-VALUE}).")
  ZoneId tz;


  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    if (days < 1 || days > 366) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--days must be 1 to 366");
    }
    CompanyDefinition company = definitions.company();
    Instant start = from != null ? from : SampleSourceProvider.DEFAULT_AS_OF;
    List<ScheduleEntry> entries = RhythmSchedule.upcoming(company, start, start.plus(Duration.ofDays(days)),
        io.companyos.schedule.check.DigestSchedule.zoneOf(company));
    PrintWriter out = spec.commandLine().getOut();
    DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ROOT).withZone(tz);
    if (format == Format.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (ScheduleEntry e : entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("meeting_at", e.meetingAt() == null ? null : e.meetingAt().toString());
        m.put("participants", e.participants());
        rows.add(m);
      }
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
    } else {
      for (ScheduleEntry e : entries) {
        String what = switch (e.kind()) {
          case MEETING -> "meeting  " + e.name()
              + (e.participants().isEmpty() ? "" : " (participants: " + String.join(", ", e.participants()) + ")");
          case PACK -> "pack     " + e.id() + (e.meetingAt() != null ? " (for the meeting at " + f.format(e.meetingAt()) + ")" : "");
          case DIGEST -> "digest   " + e.name();
        };
        out.println(f.format(e.at()) + "  " + what);
      }
      out.println(entries.size() + " entries in " + days + " days from " + start + "; health checks run every "
          + company.healthChecks().interval().toMinutes() + " min (not listed)");
    }
    return 0;
  }
}
