package io.companyos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code companyos score ...}: the scoring engine from the command line. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Computes scores from data: DORA four keys, the composite health score, anomaly scores.",
    subcommands = {ScoreDoraCommand.class, ScoreHealthCommand.class, ScoreAnomaliesCommand.class})
final class ScoreCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; try 'companyos score --help'.");
  }
}
