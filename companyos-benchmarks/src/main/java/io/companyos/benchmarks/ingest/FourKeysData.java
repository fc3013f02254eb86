package io.companyos.benchmarks.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes deterministic Four Keys-style benchmark data in the layout of the {@code files} source
 * ({@code changes.csv}, {@code deployments.csv}, {@code incidents.csv}; see docs/data-formats.md).
 *
 * <p>At scale 1: 2.5 million deployments shipping 10 million changes (1 to 7 per deployment, 4 on average)
 * over 2024-06-01 to 2026-06-01, and 99,000 incidents; about 490 MB. Two percent of the deployments fail,
 * one in fifty re-ships the previous deployment's changes with its own (so "first deployment" matters), most incidents
 * name the deployment that caused them and a few are still open. About one time in a hundred carries
 * milliseconds and one in a hundred a {@code +02:00} offset. The same seed and scale always give the same bytes.
 *
 * <p>Usage: {@code FourKeysData DIR [SCALE]} (e.g. {@code 0.001} for a quick run).
 */
public final class FourKeysData {
  /** First deployment time of the generated data. */
  public static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
  /** End of the generated deployment times (exclusive). */
  public static final Instant END = Instant.parse("2026-06-01T00:00:00Z");
  static final int DEPLOYMENTS = 2_500_000;
  static final int INCIDENTS = 99_000;
  private static final DateTimeFormatter PLUS_TWO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.ofHours(2));

  private FourKeysData() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: FourKeysData DIR [SCALE]");
      System.exit(2);
    }
    double scale = args.length == 2 ? Double.parseDouble(args[1]) : 1.0;
    Counts c = write(Path.of(args[0]), scale);
    System.out.println(c);
  }

  /** What {@link #write} wrote. */
  public record Counts(long changes, long deployments, long incidents, long bytes) {}

  /** Writes the three files into {@code dir} (created if needed) at {@code scale} (1 = the full size). */
  public static Counts write(Path dir, double scale) throws IOException {
    Files.createDirectories(dir);
    int deployments = Math.max(1, (int) Math.round(DEPLOYMENTS * scale));
    int incidents = Math.max(1, (int) Math.round(INCIDENTS * scale));
    long span = END.getEpochSecond() - START.getEpochSecond();
    SplittableRandom random = new SplittableRandom(20_251_201L);
    long changeCount = 0;
    long[] deployTimes = new long[deployments];
    try (Writer changes = writer(dir.resolve("changes.csv"));
         Writer deploys = writer(dir.resolve("deployments.csv"))) {
      changes.write("change_id,time_created\n");
      deploys.write("deploy_id,time_created,changes,status\n");
      long previousFirst = 0;
      int previousCount = 0;
      StringBuilder line = new StringBuilder(128);
      for (int d = 0; d < deployments; d++) {
        long t = START.getEpochSecond() + span * d / deployments + random.nextInt(60);
        deployTimes[d] = t;
        line.setLength(0);
        line.append(deployId(d)).append(',').append(time(t, random)).append(',');
        // A redeploy ships the previous deployment's changes again plus new ones; the changes of a
        // deployment are always numbered consecutively up to the newest change.
        boolean redeploy = d > 0 && random.nextInt(50) == 0;
        long first = redeploy ? previousFirst : changeCount;
        int added = 1 + random.nextInt(7);
        int count = (redeploy ? previousCount : 0) + added;
        for (int k = 0; k < added; k++) {
          // Created 5 minutes to 10 days before the deployment; a few are back-dated after it (clock skew).
          long created = random.nextInt(200) == 0 ? t + 60 + random.nextInt(3600) : t - 300 - random.nextInt(864_000);
          changes.write(changeId(changeCount++));
          changes.write(',');
          changes.write(time(created, random));
          changes.write('\n');
        }
        for (int k = 0; k < count; k++) {
          if (k > 0) {
            line.append(';');
          }
          line.append(changeId(first + k));
        }
        line.append(',').append(random.nextInt(50) == 0 ? "failure" : "success").append('\n');
        deploys.write(line.toString());
        previousFirst = first;
        previousCount = count;
      }
    }
    try (Writer out = writer(dir.resolve("incidents.csv"))) {
      out.write("incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n");
      String[] services = {"api-gateway", "checkout", "search", "identity", "notifications", "billing"};
      for (int i = 0; i < incidents; i++) {
        int cause = random.nextInt(deployments);
        long created = deployTimes[cause] + 600 + random.nextInt(172_800);
        String resolved = random.nextInt(100) == 0 ? "" : time(created + 300 + random.nextInt(random.nextInt(10) == 0 ? 604_800 : 28_800), random);
        String service = services[random.nextInt(services.length)];
        String rootCause = random.nextInt(10) < 7 ? deployId(cause) : "";
        out.write(String.format(Locale.ROOT, "INC-%07d,%s,%s,P%d,%s,\"%s: errors, then latency\",%s%n",
            i, time(created, random), resolved, 1 + random.nextInt(4), service, service, rootCause));
      }
    }
    long bytes = 0;
    for (String f : new String[] {"changes.csv", "deployments.csv", "incidents.csv"}) {
      bytes += Files.size(dir.resolve(f));
    }
    return new Counts(changeCount, deployments, incidents, bytes);
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
  }

  static String deployId(long d) {
    return String.format(Locale.ROOT, "d-%07d", d);
  }

  static String changeId(long c) {
    return String.format(Locale.ROOT, "c-%08d", c);
  }

  /** Mostly {@code ...Z}; one in a hundred with milliseconds, one in a hundred at {@code +02:00}. */
  private static String time(long epochSecond, SplittableRandom random) {
    int kind = random.nextInt(100);
    Instant t = Instant.ofEpochSecond(epochSecond);
    if (kind == 0) {
      return t.plusMillis(1 + random.nextInt(999)).toString();
    }
    if (kind == 1) {
      return PLUS_TWO.format(t);
    }
    return t.toString();
  }
}
