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
  /** The JVM's heap filled before the command was done. */
  static final String OUT_OF_MEMORY = "COS-CLI-002";

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
      if (outOfMemoryIn(ex) != null) {
        return outOfMemory(ex, err, debug);
      }
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
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // An Error passes picocli's handler; what held the heap is unreachable once it is thrown this far.
      code = outOfMemory(e, err, debug);
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The OutOfMemoryError that {@code t} is or was caused by (a worker thread's arrives wrapped), or null. */
  static OutOfMemoryError outOfMemoryIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        return oom;
      }
    }
    return null;
  }

  /** One line that says the heap filled, how big it was and how to give it more; the trace with --debug. */
  static int outOfMemory(Throwable t, PrintWriter err, boolean debug) {
    long max = Runtime.getRuntime().maxMemory();
    String limit = max == Long.MAX_VALUE ? "" : " (its maximum is " + (max >> 20) + " MiB)";
    err.println("companyos: " + OUT_OF_MEMORY + " the JVM's heap ran out of memory" + limit + " before the command was done "
        + "(give it more: COMPANYOS_JAVA_OPTS=-Xmx4g ./companyos ..., or java -Xmx4g -jar ...; docs/performance.md "
        + "gives the heap each workload needs)");
    if (debug) {
      t.printStackTrace(err);
    }
    err.flush();
    return EXIT_PROBLEMS;
  }

  private static String commandPath(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }
}
