package io.companyos.cli;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.files.FilesWriter;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code companyos sample export DIR}: the embedded sample company as a {@code files} directory. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "The embedded sample company.",
    subcommands = SampleCommand.Export.class)
final class SampleCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; try 'companyos sample export DIR'.");
  }

  /** Writes every record kind of the sample company as CSV files that the {@code files} source reads. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Writes the sample company's data as a files directory (one CSV per record kind).",
          "Point a 'files' source at DIR to read it back: the numbers are the same."})
  static final class Export implements Callable<Integer> {
    /** How far back state records (accounts) are exported: as far as the packs read them. */
    static final Duration STATE_HISTORY = Duration.ofDays(3650);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Directory to write (created if missing; files in it are replaced).")
    Path dir;

    @Option(names = "--seed", description = "Seed of the sample company (default: the embedded one).")
    @Nullable Long seed;

    @Option(names = "--as-of", paramLabel = "ISO", description = "The company's 'now' (default 2026-11-23T09:00:00Z).")
    @Nullable Instant asOf;

    @Override
    public Integer call() {
      Map<String, String> options = new HashMap<>();
      if (seed != null) {
        options.put("seed", seed.toString());
      }
      if (asOf != null) {
        options.put("as_of", asOf.toString());
      }
      Instant now = asOf != null ? asOf : SampleSourceProvider.DEFAULT_AS_OF;
      MetricSource sample = new SampleSourceProvider().create(
          SourceContext.of("sample", options, Clock.fixed(now, ZoneOffset.UTC), dir));
      // The whole history plus the scheduled week after as-of. State records are placed by a start date that can lie
      // years before the generated history (an account's "since"), so the window reaches back as far as packs read
      // accounts: exporting less dropped the accounts that started early and changed ARR and NRR read back.
      TimeWindow all = new TimeWindow(now.minus(STATE_HISTORY), now.plus(Duration.ofDays(8)));
      List<Path> files = FilesWriter.export(sample, all, dir);
      spec.commandLine().getOut().println("wrote " + files.size() + " files to " + dir);
      return 0;
    }
  }
}
