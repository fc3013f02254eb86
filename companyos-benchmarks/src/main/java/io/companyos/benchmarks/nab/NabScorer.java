package io.companyos.benchmarks.nab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scoring of the Numenta Anomaly Benchmark, after NAB's published method (Lavin and Ahmad, 2015; the
 * {@code Sweeper} of NAB 1.x):
 *
 * <ul>
 *   <li>The first 15% of each file (at most 750 points) is probationary and not scored.
 *   <li>A detection inside an anomaly window scores {@code tp × S(p) / S(−1)} with the scaled sigmoid
 *       {@code S(p) = 2σ(−5p) − 1} and {@code p = −(right − i + 1) / width}: the earlier, the better; only
 *       the best detection of a window counts; a missed window scores {@code −fn}.
 *   <li>A detection outside windows scores {@code fp × S(p)} with p its distance past the previous window
 *       in window widths ({@code −fp} before the first window or 3 widths after one).
 *   <li>One threshold per profile, chosen to maximize the total over all files; the total is normalized so
 *       that the null detector (never detects) scores 0 and the perfect one (detects each window at its
 *       start) scores 100.
 * </ul>
 */
public final class NabScorer {
  /** A cost profile of NAB's config/profiles.json. */
  public record Profile(String name, double tp, double fp, double fn) {}

  /** One scored point: its detector score, its weighted sweep score, and its window (-1 outside windows). */
  record Point(double anomalyScore, double sweepScore, int window) {}

  /** A file's points and its windows as index ranges, already mapped from timestamps. */
  public record File(String name, double[] anomalyScores, List<int[]> windows) {}

  /** The result of a profile: raw best total, the threshold that gives it, and the normalized score. */
  public record Result(Profile profile, double threshold, double raw, double nullScore, double perfect, double normalized) {}

  private NabScorer() {}

  static double scaledSigmoid(double p) {
    return p >= 3.0 ? -1.0 : 2 / (1 + Math.exp(5 * p)) - 1;
  }

  /** Probationary length: min(⌊0.15 n⌋, 0.15 × 5000). */
  static int probation(int n) {
    return (int) Math.min(Math.floor(0.15 * n), 0.15 * 5000);
  }

  /** The sweep scores of one file's points (probationary points left out), with global window ids. */
  static List<Point> sweep(File f, Profile prof, int windowOffset) {
    double maxTp = scaledSigmoid(-1.0);
    int n = f.anomalyScores().length;
    int[] windowOf = new int[n];
    java.util.Arrays.fill(windowOf, -1);
    for (int w = 0; w < f.windows().size(); w++) {
      int[] lim = f.windows().get(w);
      for (int i = lim[0]; i <= lim[1]; i++) {
        windowOf[i] = w;
      }
    }
    List<Point> out = new ArrayList<>();
    int prevRight = -1;
    int prevWidth = 0;
    int prob = probation(n);
    for (int i = 0; i < n; i++) {
      double sweep;
      int w = windowOf[i];
      if (w >= 0) {
        int[] lim = f.windows().get(w);
        double width = lim[1] - lim[0] + 1;
        sweep = scaledSigmoid(-(lim[1] - i + 1) / width) * prof.tp() / maxTp;
      } else {
        double p = prevRight < 0 ? 3.0 : Math.abs(prevRight - i) / (double) (prevWidth - 1);
        sweep = scaledSigmoid(p) * prof.fp();
      }
      if (i >= prob) {
        out.add(new Point(f.anomalyScores()[i], sweep, w < 0 ? -1 : windowOffset + w));
      }
      if (w >= 0 && i == f.windows().get(w)[1]) {
        prevRight = i;
        prevWidth = f.windows().get(w)[1] - f.windows().get(w)[0] + 1;
      }
    }
    return out;
  }

  /** Scores a corpus for a profile with the best threshold over all files. */
  public static Result score(List<File> files, Profile prof) {
    List<Point> all = new ArrayList<>();
    int windows = 0;
    for (File f : files) {
      all.addAll(sweep(f, prof, windows));
      windows += f.windows().size();
    }
    // Windows wholly in the probationary part are not scored (as in NAB).
    boolean[] scored = new boolean[windows];
    for (Point p : all) {
      if (p.window() >= 0) {
        scored[p.window()] = true;
      }
    }
    double[] part = new double[windows];
    double total = 0;
    int counted = 0;
    for (int w = 0; w < windows; w++) {
      if (scored[w]) {
        part[w] = -prof.fn();
        total += part[w];
        counted++;
      }
    }
    double nullScore = total;
    double perfect = counted * prof.tp();
    all.sort(Comparator.comparingDouble(Point::anomalyScore).reversed());
    double best = total;
    double bestThreshold = 1.1;
    for (int i = 0; i < all.size(); i++) {
      Point p = all.get(i);
      if (p.window() < 0) {
        total += p.sweepScore();
      } else if (p.sweepScore() > part[p.window()]) {
        total += p.sweepScore() - part[p.window()];
        part[p.window()] = p.sweepScore();
      }
      // A threshold is realizable only between distinct scores.
      boolean last = i + 1 == all.size() || all.get(i + 1).anomalyScore() != p.anomalyScore();
      if (last && total > best) {
        best = total;
        bestThreshold = p.anomalyScore();
      }
    }
    double normalized = 100 * (best - nullScore) / (perfect - nullScore);
    return new Result(prof, bestThreshold, best, nullScore, perfect, normalized);
  }

  /**
   * Scores a corpus for a profile at a given threshold (a point is a detection when its score is at least the
   * threshold), as a held-out test does with a threshold chosen elsewhere.
   */
  public static Result scoreAt(List<File> files, Profile prof, double threshold) {
    double nullScore = 0;
    double raw = 0;
    int counted = 0;
    for (File f : files) {
      List<Point> points = sweep(f, prof, 0);
      double[] best = new double[f.windows().size()];
      boolean[] scored = new boolean[f.windows().size()];
      for (Point p : points) {
        if (p.window() >= 0) {
          scored[p.window()] = true;
        }
      }
      for (int w = 0; w < best.length; w++) {
        best[w] = -prof.fn();
      }
      for (Point p : points) {
        if (p.anomalyScore() < threshold) {
          continue;
        }
        if (p.window() < 0) {
          raw += p.sweepScore();
        } else if (p.sweepScore() > best[p.window()]) {
          best[p.window()] = p.sweepScore();
        }
      }
      for (int w = 0; w < best.length; w++) {
        if (scored[w]) {
          raw += best[w];
          nullScore -= prof.fn();
          counted++;
        }
      }
    }
    double perfect = counted * prof.tp();
    double normalized = 100 * (raw - nullScore) / (perfect - nullScore);
    return new Result(prof, threshold, raw, nullScore, perfect, normalized);
  }
}
