package io.companyos.benchmarks.lake;

import io.companyos.model.data.CostRow;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.CostBreakdown;
import io.companyos.scoring.product.Engagement;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FilesSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The single-JVM path of the scale table (docs/scale.md): the files source reads the CSV of {@link LakeData} and the
 * scoring functions compute the product and cost KPIs that {@code KpiJob} writes, for the {@code DAYS} days ending at
 * {@code AS_OF}. Prints {@code kpi value} lines, sorted, and the time on stderr.
 *
 * <p>Usage: {@code LakeJava CSV_DIR AS_OF DAYS}
 */
public final class LakeJava {
  private LakeJava() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Instant asOf = Instant.parse(args[1]);
    TimeWindow w = TimeWindow.ending(asOf, Duration.ofDays(Integer.parseInt(args[2])));
    TimeWindow before = new TimeWindow(w.start().minus(w.length()), w.start());
    long t0 = System.nanoTime();
    FilesSource files = new FilesSource("lake", dir, true, Clock.fixed(asOf, ZoneOffset.UTC));
    TimeWindow read = new TimeWindow(before.start().isBefore(asOf.minus(Duration.ofDays(30))) ? before.start()
        : asOf.minus(Duration.ofDays(30)), asOf);
    List<ProductEvent> events = files.records(RecordKind.PRODUCT_EVENTS, read).rows();
    List<String> out = new java.util.ArrayList<>();
    Engagement.meanDailyActive(events, w, ZoneOffset.UTC).ifPresent(v -> out.add(line("dau", v)));
    out.add(line("wau", Engagement.activeUsers(events, TimeWindow.ending(asOf, Duration.ofDays(7)))));
    out.add(line("mau", Engagement.activeUsers(events, TimeWindow.ending(asOf, Duration.ofDays(30)))));
    out.add(line("signups", Engagement.compute(events, w).signups()));
    List<ProductEvent> now = events.stream().filter(e -> w.contains(e.timestamp())).toList();
    List<ProductEvent> prev = events.stream().filter(e -> before.contains(e.timestamp())).toList();
    for (Engagement.FeatureUse u : Engagement.featureUse(now, prev)) {
      out.add(line("feature_adoption/" + u.feature(), u.adoptionPercent()));
    }
    List<CostRow> costs = files.records(RecordKind.COSTS, w).rows();
    if (!costs.isEmpty()) {
      out.add(line("cloud_spend", CostBreakdown.total(costs, w).doubleValue()));
    }
    out.sort(null);
    out.forEach(System.out::println);
    System.err.printf(Locale.ROOT, "java: %,d events read, %d ms%n", events.size(), (System.nanoTime() - t0) / 1_000_000);
  }

  static String line(String kpi, double value) {
    return kpi + " " + value;
  }
}
