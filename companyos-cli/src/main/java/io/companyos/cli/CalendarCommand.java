package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.schedule.RhythmCalendar;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code companyos calendar --out rhythm.ics}: the rhythm as an RFC 5545 calendar file. */
@Command(name = "calendar", mixinStandardHelpOptions = true,
    description = "Writes the operating rhythm as an iCalendar (RFC 5545) file that calendar apps import.")
final class CalendarCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .ics file to write.")
  Path out;

  @Option(names = "--from", paramLabel = "ISO", description = "Events start at their first occurrence after this (default 2026-11-23T09:00:00Z).")
  @Nullable Instant from;


  @Override
  public Integer call() throws Exception {
    CompanyDefinition company = definitions.company();
    Instant start = from != null ? from : SampleSourceProvider.DEFAULT_AS_OF;
    String ics = RhythmCalendar.write(company.rhythm(), start, start);
    Path abs = out.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = io.companyos.model.OutputFiles.tempFileIn(abs.getParent(), ".calendar");
    try {
      Files.writeString(tmp, ics, StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    long events = ics.lines().filter("BEGIN:VEVENT"::equals).count();
    spec.commandLine().getOut().println("wrote " + out + " (" + events + " recurring events)");
    return 0;
  }
}
