package io.companyos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top-level {@code companyos} command. Each subcommand lives in its own class and is listed in
 * {@code subcommands} below.
 */
@Command(
    name = "companyos",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Turns a company's metrics into its operating rhythm: meeting packs, health checks, scores.",
    subcommands = {
      picocli.CommandLine.HelpCommand.class,
      picocli.AutoComplete.GenerateCompletion.class,
      InitCommand.class,
      ValidateCommand.class,
      SampleCommand.class,
      ScheduleCommand.class,
      CalendarCommand.class,
      CheckCommand.class,
      DigestCommand.class,
      BadgeCommand.class,
      DeliverCommand.class,
      SiteCommand.class,
      ServeCommand.class,
      RaciCommand.class,
      SlosCommand.class,
      SourcesCommand.class,
      KpisCommand.class,
      ScoreCommand.class,
      RenderCommand.class,
    })
public final class CompanyOsCommand implements Runnable {

  @Option(names = "--debug", description = "Print stack traces for errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
  boolean debug;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "Missing subcommand; try 'companyos --help'.");
  }
}
