package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.base.OutputFiles;
import io.companyos.model.slo.specs.OpenSloWriter;
import io.companyos.model.slo.SloIndicator;
import io.companyos.model.slo.SloSpec;
import io.companyos.model.slo.specs.SloSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code companyos slos}: the company's SLO specs (the folder's {@code slos/} and the {@code slos:} entry of sources.yaml),
 * listed or exported as OpenSLO.
 */
@Command(name = "slos", mixinStandardHelpOptions = true,
    description = "Lists the SLOs read from the company folder's slos/ and sources.yaml's slos: (OpenSLO v1, Sloth "
        + "prometheus/v1, Pyrra), or writes "
        + "them as OpenSLO v1 (see docs/slos.md). Warnings (COS-SLO-004) go to stderr.",
    subcommands = {SlosCommand.ListSlos.class, SlosCommand.Export.class})
final class SlosCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** What both subcommands share: the company folder's options, and its SLOs read with their warnings on stderr. */
  abstract static class SlosSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    DefinitionOptions definitions = new DefinitionOptions();

    /** The company's SLOs; their warnings printed on stderr. */
    SloSpecs slos() {
      SloSpecs slos = definitions.company().slos();
      PrintWriter err = spec.commandLine().getErr();
      slos.warnings().forEach(err::println);
      err.flush();
      return slos;
    }
  }

  /** {@code slos list}: one line per SLO. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per SLO: name, service, objective, window, "
      + "budgeting method, indicator, and where it was written.")
  static final class ListSlos extends SlosSubcommand {
    @Override
    public Integer call() {
      SloSpecs slos = slos();
      PrintWriter out = spec.commandLine().getOut();
      if (slos.slos().isEmpty()) {
        out.println("No SLO specs: put OpenSLO, Sloth or Pyrra files in the company folder's slos/ or name them under slos: in "
            + "sources.yaml (docs/slos.md).");
      }
      for (SloSpec s : slos.slos()) {
        out.println(String.format(Locale.ROOT, "%s\t%s\t%s%%\t%s%s\t%s\t%s\t%s", s.name(), s.service(), s.objectivePercent(),
            OpenSloWriter.duration(s.window()), s.calendarAligned() ? " (calendar)" : "", s.budgeting().openSlo(), indicator(s.indicator()),
            s.origin()));
      }
      out.flush();
      return 0;
    }

    private static String indicator(SloIndicator i) {
      if (i instanceof SloIndicator.Ratio r) {
        return r.form().label() + " ratio on " + r.sourceType();
      }
      if (i instanceof SloIndicator.RawRatio r) {
        return (r.failure() ? "raw error ratio" : "raw good ratio") + (r.windowTemplate() ? " (window template)" : "")
            + " on " + r.sourceType();
      }
      if (i instanceof SloIndicator.Threshold t) {
        return "threshold " + t.op() + " " + SloSpec.plain(t.value()) + " on " + t.sourceType();
      }
      return "n/a (" + ((SloIndicator.Unsupported) i).reason() + ")";
    }
  }

  /** {@code slos export}: the SLOs as OpenSLO v1. */
  @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes the SLOs as OpenSLO v1 documents (an SLI and an "
      + "SLO per objective) to stdout or --out; they read back to the same SLOs.")
  static final class Export extends SlosSubcommand {
    @Option(names = "--format", paramLabel = "openslo", defaultValue = "openslo", description = "Default: ${DEFAULT-VALUE} (the only one).")
    String format = "openslo";

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (replaced whole, never half-written) instead of stdout.")
    Path out;

    @Override
    public Integer call() {
      if (!format.equals("openslo")) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be openslo");
      }
      String text = OpenSloWriter.write(slos());
      if (out == null) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      } else {
        try {
          OutputFiles.replace(out, text);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return 0;
    }
  }
}
