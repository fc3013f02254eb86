package io.companyos.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.companyos.model.base.CompanyOsException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A 5-field UNIX cron expression in an IANA time zone (cron-utils). Same DST rule as meetings: one run
 * per matching local time; a local time in a spring-forward gap runs moved forward by the gap (02:30
 * becomes 03:30), a local time in a fall-back overlap runs once, at the earlier instant.
 */
public final class CronSchedule {
  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime execution;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime execution) {
    this.expression = expression;
    this.zone = zone;
    this.execution = execution;
  }

  /**
   * @throws CompanyOsException {@code COS-SCH-001} when the expression is not valid 5-field cron
   */
  public static CronSchedule of(String expression, ZoneId zone) {
    try {
      return new CronSchedule(expression, zone, ExecutionTime.forCron(PARSER.parse(expression)));
    } catch (IllegalArgumentException e) {
      throw new CompanyOsException("COS-SCH-001", "'" + expression + "' is not a 5-field cron expression: " + e.getMessage(), null,
          "minute hour day-of-month month day-of-week, e.g. 0 8 * * 1");
    }
  }

  /**
   * Runs in {@code [from, to)}, in order, without duplicates. The cron is matched against wall-clock
   * time; each matching local time is then placed in the zone with {@link ZonedDateTime#of}, which moves
   * a time in a spring-forward gap forward by the gap and picks the earlier instant of an overlap.
   */
  public List<Instant> between(Instant from, Instant to) {
    List<Instant> out = new ArrayList<>();
    Set<Instant> seen = new HashSet<>();
    LocalDateTime endLocal = to.atZone(zone).toLocalDateTime().plusDays(1);
    // Wall-clock times are evaluated in UTC, where no time is skipped or repeated; start a day early.
    ZonedDateTime cursor = from.atZone(zone).toLocalDateTime().minusDays(1).atZone(ZoneOffset.UTC);
    for (int guard = 0; guard < 1_000_000; guard++) {
      Optional<ZonedDateTime> next = execution.nextExecution(cursor);
      if (next.isEmpty() || next.get().toLocalDateTime().isAfter(endLocal)) {
        break;
      }
      cursor = next.get();
      Instant run = ZonedDateTime.of(cursor.toLocalDateTime(), zone).toInstant();
      if (!run.isBefore(from) && run.isBefore(to) && seen.add(run)) {
        out.add(run);
      }
    }
    out.sort(null);
    return out;
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }
}
