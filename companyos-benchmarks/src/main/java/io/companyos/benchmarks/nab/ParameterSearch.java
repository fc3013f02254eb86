package io.companyos.benchmarks.nab;

import io.companyos.scoring.anomaly.RobustZScoreDetector;
import io.companyos.scoring.anomaly.RobustZScoreDetector.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the anomaly detector's parameters on the {@link SyntheticCorpus}, never on NAB: every set of a small grid is
 * scored on the synthetic corpus with NAB's scoring under the standard profile, and the best one is then scored once on
 * NAB (when its data is there) as a held-out test. Prints the ten best sets and where {@link RobustZScoreDetector#DEFAULTS}
 * ranks.
 *
 * <pre>{@code java -cp ... io.companyos.benchmarks.nab.ParameterSearch [NAB_DIR]}</pre>
 */
public final class ParameterSearch {
  /** NAB's standard cost profile (its config/profiles.json): the weights, not its data. */
  static final NabScorer.Profile STANDARD = new NabScorer.Profile("standard", 1.0, 0.11, 1.0);

  static final List<NabScorer.Profile> PROFILES = List.of(STANDARD,
      new NabScorer.Profile("reward_low_FP_rate", 1.0, 0.22, 1.0),
      new NabScorer.Profile("reward_low_FN_rate", 1.0, 0.11, 2.0));

  private ParameterSearch() {}

  /** A parameter set and its standard-profile score on the synthetic corpus. */
  record Trial(Parameters parameters, double score) {}

  /** The grid: window, short mean, new-extreme rule (off, or z 15 with margins), suppression. */
  static List<Parameters> grid() {
    List<Parameters> out = new ArrayList<>();
    for (int window : new int[] {150, 300, 600, 1000, 1500, 2500, 4000}) {
      for (int shortWindow : new int[] {1, 6, 12, 24}) {
        for (double[] extreme : new double[][] {{0, 0}, {15, 0}, {15, 0.02}, {15, 0.05}}) {
          for (int suppress : new int[] {60, 120, 250, 500, 1000}) {
            out.add(new Parameters(window, 30, shortWindow, extreme[0], extreme[1], 0.5, suppress));
          }
        }
      }
    }
    return out;
  }

  /**
   * Scores every set of {@code grid} on {@code corpus} under the standard profile.
   *
   * @param corpus the labelled series
   * @param grid the parameter sets
   * @return the trials, best first (ties in grid order)
   */
  static List<Trial> search(List<NabEvaluation.LabelledFile> corpus, List<Parameters> grid) {
    List<Trial> trials = grid.parallelStream()
        .map(p -> new Trial(p, NabEvaluation.evaluate(corpus, List.of(STANDARD), () -> new RobustZScoreDetector(p)).get(0).normalized()))
        .toList();
    List<Trial> sorted = new ArrayList<>(trials);
    sorted.sort(Comparator.comparingDouble(Trial::score).reversed());
    return sorted;
  }

  public static void main(String[] args) throws IOException {
    Path nab = Path.of(args.length > 0 ? args[0] : "../shared/nab");
    List<NabEvaluation.LabelledFile> corpus = SyntheticCorpus.generate(SyntheticCorpus.SEED, Integer.getInteger("series", 240));
    long points = corpus.stream().mapToLong(f -> f.values().length).sum();
    List<Parameters> grid = grid();
    System.out.printf(Locale.ROOT, "synthetic corpus: %d series, %d points, %d windows; %d parameter sets%n", corpus.size(), points,
        corpus.stream().mapToInt(f -> f.windows().size()).sum(), grid.size());
    List<Trial> trials = search(corpus, grid);
    for (int i = 0; i < Math.min(10, trials.size()); i++) {
      System.out.printf(Locale.ROOT, "%2d. %6.1f  %s%n", i + 1, trials.get(i).score(), trials.get(i).parameters());
    }
    for (int i = 0; i < trials.size(); i++) {
      if (trials.get(i).parameters().equals(RobustZScoreDetector.DEFAULTS)) {
        System.out.printf(Locale.ROOT, "DEFAULTS rank %d of %d: %6.1f%n", i + 1, trials.size(), trials.get(i).score());
      }
    }
    if (Files.isDirectory(nab.resolve("data"))) {
      List<NabEvaluation.LabelledFile> nabCorpus = NabEvaluation.load(nab);
      for (Parameters p : List.of(trials.get(0).parameters(), RobustZScoreDetector.DEFAULTS)) {
        System.out.println("NAB with " + p);
        for (NabScorer.Result r : NabEvaluation.evaluate(nabCorpus, PROFILES, () -> new RobustZScoreDetector(p))) {
          System.out.printf(Locale.ROOT, "  %-20s %6.1f (threshold %.4f)%n", r.profile().name(), r.normalized(), r.threshold());
        }
      }
    }
  }
}
