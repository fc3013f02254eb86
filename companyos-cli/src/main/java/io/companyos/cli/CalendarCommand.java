package io.companyos.cli;

import io.companyos.delivery.DeliveryException;
import io.companyos.delivery.Directory;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.CompanyFolder;
import io.companyos.schedule.Invitee;
import io.companyos.schedule.RhythmCalendar;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

  @Option(names = "--directory", paramLabel = "FILE", description = "CSV of people (email,name,roles) invited to the "
      + "meetings of their roles. Default: the company folder's directory.csv, else the sample company's directory "
      + "(example.com addresses) when it fits the roles.")
  @Nullable Path directory;

  @Option(names = "--from", paramLabel = "ISO", description = "Events start at their first occurrence after this (default 2026-11-23T09:00:00Z).")
  @Nullable Instant from;


  @Override
  public Integer call() throws Exception {
    CompanyDefinition company = definitions.company();
    Instant start = from != null ? from : SampleSourceProvider.DEFAULT_AS_OF;
    Function<String, List<Invitee>> invitees = invitees(company);
    String ics = RhythmCalendar.write(company.rhythm(), start, start, invitees);
    io.companyos.model.base.OutputFiles.replace(out, ics);
    long events = ics.lines().filter("BEGIN:VEVENT"::equals).count();
    spec.commandLine().getOut().println("wrote " + out + " (" + events + " recurring events)");
    Set<String> uninvited = RhythmCalendar.rolesWithoutInvitees(company.rhythm(), invitees);
    if (!uninvited.isEmpty()) {
      spec.commandLine().getOut().println("not invited, nobody in the directory holds: " + String.join(", ", uninvited)
          + " (each event says so in a COMMENT)");
    }
    return 0;
  }

  /** The people holding a role (directly or through a group) in the directory, as attendees. */
  private Function<String, List<Invitee>> invitees(CompanyDefinition company) {
    Path file = definitions.file(directory, CompanyFolder.DIRECTORY_FILE);
    Directory people;
    if (file != null) {
      people = Directory.load(file, company.roles());
    } else {
      try {
        people = Directory.sample(company.roles());
        spec.commandLine().getErr().println("attendees from the sample directory (example.com addresses); "
            + "pass --directory FILE for your people");
      } catch (DeliveryException e) {
        spec.commandLine().getErr().println("no attendees: the sample directory does not fit these roles ("
            + e.getMessage() + "); pass --directory FILE");
        people = new Directory(List.of());
      }
    }
    Directory d = people;
    return role -> d.holding(List.of(role), company.roles()).stream().map(p -> new Invitee(p.name(), p.email())).toList();
  }
}
