package io.companyos.benchmarks.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.scoring.anomaly.AnomalyDetector;
import io.companyos.scoring.anomaly.RobustZScoreDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a detector causally over every NAB file (one parameter set for all) and scores it with
 * {@link NabScorer} under NAB's three profiles. NAB's data is read from its directory (default
 * {@code ../shared/nab}, relative to the working directory); it is never copied into the project.
 *
 * <pre>{@code java -cp ... io.companyos.benchmarks.nab.NabEvaluation [NAB_DIR]}</pre>
 */
public final class NabEvaluation {
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]", Locale.ROOT);

  private NabEvaluation() {}

  /** A labelled NAB file: its values and its anomaly windows as inclusive index ranges. */
  public record LabelledFile(String name, double[] values, List<int[]> windows) {}

  public static List<LabelledFile> load(Path nab) throws IOException {
    JsonNode windows = new ObjectMapper().readTree(nab.resolve("labels/combined_windows.json").toFile());
    List<LabelledFile> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = windows.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> lines = Files.readAllLines(nab.resolve("data").resolve(e.getKey()));
      int n = lines.size() - 1;
      LocalDateTime[] times = new LocalDateTime[n];
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        String[] parts = lines.get(i + 1).split(",");
        times[i] = LocalDateTime.parse(parts[0].strip(), TS);
        values[i] = Double.parseDouble(parts[1].strip());
      }
      List<int[]> w = new ArrayList<>();
      for (JsonNode pair : e.getValue()) {
        int from = Arrays.binarySearch(times, LocalDateTime.parse(pair.get(0).asText(), TS));
        int to = Arrays.binarySearch(times, LocalDateTime.parse(pair.get(1).asText(), TS));
        if (from < 0 || to < 0) {
          throw new IllegalStateException(e.getKey() + ": window " + pair + " does not match a timestamp");
        }
        w.add(new int[] {from, to});
      }
      out.add(new LabelledFile(e.getKey(), values, w));
    }
    return out;
  }

  public static List<NabScorer.Profile> profiles(Path nab) throws IOException {
    JsonNode p = new ObjectMapper().readTree(nab.resolve("config/profiles.json").toFile());
    List<NabScorer.Profile> out = new ArrayList<>();
    for (String name : List.of("standard", "reward_low_FP_rate", "reward_low_FN_rate")) {
      JsonNode c = p.get(name).get("CostMatrix");
      out.add(new NabScorer.Profile(name, c.get("tpWeight").asDouble(), c.get("fpWeight").asDouble(), c.get("fnWeight").asDouble()));
    }
    return out;
  }

  /** Scores {@code detector} on the corpus under every profile. */
  public static List<NabScorer.Result> evaluate(List<LabelledFile> corpus, List<NabScorer.Profile> profiles, Supplier<AnomalyDetector> detector) {
    List<NabScorer.File> scored = new ArrayList<>();
    for (LabelledFile f : corpus) {
      scored.add(new NabScorer.File(f.name(), detector.get().scores(f.values()), f.windows()));
    }
    return profiles.stream().map(p -> NabScorer.score(scored, p)).toList();
  }

  public static void main(String[] args) throws IOException {
    Path nab = Path.of(args.length > 0 ? args[0] : "../shared/nab");
    long t0 = System.nanoTime();
    List<LabelledFile> corpus = load(nab);
    long points = corpus.stream().mapToLong(f -> f.values().length).sum();
    long t1 = System.nanoTime();
    List<NabScorer.Result> results = evaluate(corpus, profiles(nab), RobustZScoreDetector::defaults);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "NAB: %d files, %d points, %d windows; load %.1f s, detect+score %.1f s%n", corpus.size(), points,
        corpus.stream().mapToInt(f -> f.windows().size()).sum(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    for (NabScorer.Result r : results) {
      System.out.printf(Locale.ROOT, "%-20s score %6.1f  (threshold %.4f, raw %.2f, null %.1f, perfect %.1f)%n", r.profile().name(),
          r.normalized(), r.threshold(), r.raw(), r.nullScore(), r.perfect());
    }
  }
}
