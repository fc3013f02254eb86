package io.companyos.cli;

import io.companyos.model.base.CompanyOsException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point. Exit codes: 0 success, 1 problems found or a command failed, 2 usage error.
 * User-facing errors print as one line ({@code location: CODE message (hint)}); a stack trace only
 * with {@code --debug}.
 */
public final class Main {
  /** A command found problems in its input or could not complete. */
  public static final int EXIT_PROBLEMS = 1;
  /** The command line itself was wrong. */
  public static final int EXIT_USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    quietLibraries();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * A command line tool prints its own messages only: the PDF renderer's console log is off (its messages
   * still reach java.util.logging), and POI (slides), which logs through the Log4j API and would say on
   * stderr that no Log4j is installed, gets the simple Log4j context that prints errors only.
   */
  static void quietLibraries() {
    System.setProperty("io.companyos.export.pdf.quietConsole", "true");
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
  }

  /** Runs the CLI with the given streams and returns the exit code; used by tests and embedding. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cli = new CommandLine(new CompanyOsCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> e instanceof CompanyOsException ? EXIT_PROBLEMS : EXIT_PROBLEMS);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("companyos: " + ex.getMessage());
      err.println("Try 'companyos " + commandPath(ex.getCommandLine()) + "--help' for usage.");
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof CompanyOsException coe) {
        err.println(coe.oneLine());
      } else {
        err.println("companyos: " + io.companyos.model.base.Redaction.printable(io.companyos.model.base.Redaction.message(String.valueOf(ex))));
      }
      if (debug) {
        ex.printStackTrace(err);
      }
      err.flush();
      return EXIT_PROBLEMS;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String commandPath(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }
}
