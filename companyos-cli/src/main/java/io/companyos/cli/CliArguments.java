package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parsing of the options several commands share (--as-of, --tz, --role), with the same messages everywhere. */
final class CliArguments {
  private CliArguments() {}

  static @Nullable Instant asOf(CommandSpec spec, @Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "--as-of '" + text + "' is not an ISO-8601 instant such as 2026-11-23T09:00:00Z");
    }
  }

  static @Nullable ZoneId zone(CommandSpec spec, @Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new ParameterException(spec.commandLine(), "--tz '" + text + "' is not an IANA time zone such as Europe/Berlin");
    }
  }

  static void roles(CommandSpec spec, CompanyDefinition company, List<String> roles) {
    for (String r : roles) {
      if (!company.roles().contains(r)) {
        throw new ParameterException(spec.commandLine(), "--role '" + r + "' is not a role of the company; known roles: "
            + String.join(", ", company.roles().ids()));
      }
    }
  }
}
