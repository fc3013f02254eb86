package io.companyos.benchmarks.nab;

import io.companyos.scoring.anomaly.RobustZScoreDetector;
import io.companyos.scoring.anomaly.RobustZScoreDetector.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What choosing the parameters on NAB is worth on data it was not chosen on: leave-one-category-out cross-validation.
 * For each of NAB's seven categories, the parameter set of {@link ParameterSearch#grid()} and the threshold that score
 * best on the other six are chosen, and that category is scored with both; the held-out parts are summed and
 * normalized as NAB normalizes a corpus. Run with NAB's directory as the argument.
 */
public final class NabCrossValidation {
  private NabCrossValidation() {}

  static String category(NabEvaluation.LabelledFile f) {
    return f.name().substring(0, f.name().indexOf('/'));
  }

  public static void main(String[] args) throws IOException {
    Path nab = Path.of(args.length > 0 ? args[0] : "../shared/nab");
    List<NabEvaluation.LabelledFile> corpus = NabEvaluation.load(nab);
    Map<String, List<Integer>> byCategory = new LinkedHashMap<>();
    for (int i = 0; i < corpus.size(); i++) {
      byCategory.computeIfAbsent(category(corpus.get(i)), k -> new ArrayList<>()).add(i);
    }
    List<String> categories = new ArrayList<>(byCategory.keySet());
    List<Parameters> grid = ParameterSearch.grid();
    NabScorer.Profile profile = ParameterSearch.STANDARD;
    // trainScore[g][c]: the standard score of grid set g on every category but c, with its best threshold.
    double[][] trainScore = new double[grid.size()][categories.size()];
    double[][] trainThreshold = new double[grid.size()][categories.size()];
    java.util.stream.IntStream.range(0, grid.size()).parallel().forEach(g -> {
      Parameters p = grid.get(g);
      List<NabScorer.File> scored = new ArrayList<>();
      for (NabEvaluation.LabelledFile f : corpus) {
        scored.add(new NabScorer.File(f.name(), new RobustZScoreDetector(p).scores(f.values()), f.windows()));
      }
      for (int c = 0; c < categories.size(); c++) {
        String left = categories.get(c);
        List<NabScorer.File> train = scored.stream().filter(f -> !f.name().startsWith(left + "/")).toList();
        NabScorer.Result r = NabScorer.score(train, profile);
        trainScore[g][c] = r.normalized();
        trainThreshold[g][c] = r.threshold();
      }
    });
    double raw = 0;
    double nullScore = 0;
    double perfect = 0;
    for (int c = 0; c < categories.size(); c++) {
      int best = 0;
      for (int g = 1; g < grid.size(); g++) {
        if (trainScore[g][c] > trainScore[best][c]) {
          best = g;
        }
      }
      Parameters p = grid.get(best);
      List<NabScorer.File> test = new ArrayList<>();
      for (int i : byCategory.get(categories.get(c))) {
        NabEvaluation.LabelledFile f = corpus.get(i);
        test.add(new NabScorer.File(f.name(), new RobustZScoreDetector(p).scores(f.values()), f.windows()));
      }
      NabScorer.Result r = NabScorer.scoreAt(test, profile, trainThreshold[best][c]);
      raw += r.raw();
      nullScore += r.nullScore();
      perfect += r.perfect();
      System.out.printf(Locale.ROOT, "held out %-22s chosen on the rest: %s, threshold %.4f (train %.1f); held-out raw %.2f (null %.1f, perfect %.1f)%n",
          categories.get(c), p, trainThreshold[best][c], trainScore[best][c], r.raw(), r.nullScore(), r.perfect());
    }
    System.out.printf(Locale.ROOT, "cross-validated standard score: %.1f%n", 100 * (raw - nullScore) / (perfect - nullScore));
  }
}
