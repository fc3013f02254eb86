package io.companyos.sources.sample;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The deterministic sample company as a {@link MetricSource}. Data is generated on first use and then
 * shared; all methods are thread-safe. Instant queries return, per matching series, the latest point
 * at or before the instant within {@link #INSTANT_LOOKBACK} (monthly metrics need the long look-back).
 */
public final class SampleSource implements MetricSource {
  /** How far back an instant query looks for the latest point of a series. */
  public static final Duration INSTANT_LOOKBACK = Duration.ofDays(35);

  private final String id;
  private final long seed;
  private final Instant asOf;
  private final int historyDays;
  private final Clock clock;
  private volatile @Nullable SampleCompany company;

  SampleSource(String id, long seed, Instant asOf, int historyDays, Clock clock) {
    this.id = id;
    this.seed = seed;
    this.asOf = asOf;
    this.historyDays = historyDays;
    this.clock = clock;
  }

  /** The instant the sample company treats as "now"; packs rendered from it default to this as-of. */
  @Override
  public java.util.Optional<Instant> snapshotAsOf() {
    return java.util.Optional.of(asOf);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    Set<String> kinds = RecordKind.builtIn().stream().map(RecordKind::name).collect(Collectors.toSet());
    List<String> metrics = company().rows(RecordKind.METRICS).stream().map(MetricPoint::metric).distinct().sorted().toList();
    return new SourceDescription(SampleSourceProvider.ID, kinds, metrics);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    List<T> all = company().rows(kind);
    List<T> out = new ArrayList<>();
    for (T row : all) {
      if (window.contains(kind.timeOf(row))) {
        out.add(row);
      }
    }
    return new Dataset<>(out, provenance(kind.name(), window, out.size()));
  }

  @Override
  public Dataset<Series> instant(String query, Instant at) {
    MetricSelector selector = MetricSelector.parse(id, query);
    Map<Map<String, String>, MetricPoint> latest = new LinkedHashMap<>();
    Instant from = at.minus(INSTANT_LOOKBACK);
    for (MetricPoint p : company().rows(RecordKind.METRICS)) {
      if (p.timestamp().isAfter(at)) {
        break; // rows are sorted by time
      }
      if (!p.timestamp().isBefore(from) && selector.matches(p.metric(), p.labels())) {
        latest.put(p.labels(), p);
      }
    }
    List<Series> series = new ArrayList<>();
    for (MetricPoint p : sortedByLabels(latest).values()) {
      series.add(new Series(p.metric(), p.labels(), List.of(new Series.Point(p.timestamp(), p.value()))));
    }
    return new Dataset<>(series, provenance(query, new TimeWindow(from, at), series.size()));
  }

  @Override
  public Dataset<Series> range(String query, TimeWindow window, Duration step) {
    MetricSelector selector = MetricSelector.parse(id, query);
    Map<Map<String, String>, List<Series.Point>> points = new LinkedHashMap<>();
    for (MetricPoint p : company().rows(RecordKind.METRICS)) {
      if (window.contains(p.timestamp()) && selector.matches(p.metric(), p.labels())) {
        points.computeIfAbsent(p.labels(), k -> new ArrayList<>()).add(new Series.Point(p.timestamp(), p.value()));
      }
    }
    List<Series> series = new ArrayList<>();
    sortedByLabels(points).forEach((labels, pts) -> series.add(new Series(selector.metric(), labels, pts)));
    return new Dataset<>(series, provenance(query, window, series.size()));
  }

  private static <V> Map<Map<String, String>, V> sortedByLabels(Map<Map<String, String>, V> byLabels) {
    Map<String, Map<String, String>> keys = new TreeMap<>();
    byLabels.keySet().forEach(l -> keys.put(new TreeMap<>(l).toString(), l));
    Map<Map<String, String>, V> out = new LinkedHashMap<>();
    keys.values().forEach(l -> out.put(l, byLabels.get(l)));
    return out;
  }

  private Provenance provenance(String query, TimeWindow window, long rows) {
    return new Provenance(id, query, window, clock.instant(), rows);
  }

  private SampleCompany company() {
    SampleCompany c = company;
    if (c == null) {
      synchronized (this) {
        c = company;
        if (c == null) {
          c = SampleCompany.generate(seed, asOf, historyDays);
          company = c;
        }
      }
    }
    return c;
  }
}
