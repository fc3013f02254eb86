package io.companyos.sources.sample;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.UnsupportedQueryException;
import io.companyos.sources.builtin.internal.MetricPointIndex;
import io.companyos.sources.builtin.internal.TimeSorted;
import io.companyos.sources.builtin.internal.MetricSelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
  private volatile @Nullable MetricPointIndex index;
  private volatile @Nullable SourceDescription description;
  private final java.util.Map<String, java.util.Optional<Provenance.Coverage>> coverages = new java.util.concurrent.ConcurrentHashMap<>();

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
    SourceDescription d = description;
    if (d == null) {
      d = describeNow();
      description = d; // racing threads compute the same value
    }
    return d;
  }

  private SourceDescription describeNow() {
    Set<String> kinds = RecordKind.builtIn().stream().map(RecordKind::name).collect(Collectors.toSet());
    List<String> metrics = company().rows(RecordKind.METRICS).stream().map(MetricPoint::metric).distinct().sorted().toList();
    return new SourceDescription(SampleSourceProvider.ID, kinds, metrics);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    if (!RecordKind.builtIn().contains(kind)) {
      throw new UnsupportedQueryException(id, "records of a kind the sample company does not hold", kind.name());
    }
    // Rows are sorted by time: binary search for the window instead of scanning the whole history.
    List<T> out = TimeSorted.between(company().rows(kind), kind::timeOf, window.start(), window.end());
    return Dataset.of(out, provenance(kind.name(), window).withCovers(coverage(kind)));
  }

  @Override
  public Dataset<Series> instant(String query, Instant at) {
    List<Series> series = metricIndex().instant(MetricSelector.parse(id, query), at, INSTANT_LOOKBACK);
    return Dataset.of(series, provenance(query, new TimeWindow(at.minus(INSTANT_LOOKBACK), at))
        .withCovers(metricCoverage(query)));
  }

  @Override
  public Dataset<Series> range(String query, TimeWindow window, Duration step) {
    List<Series> series = metricIndex().range(MetricSelector.parse(id, query), window);
    return Dataset.of(series, provenance(query, window).withCovers(metricCoverage(query)));
  }

  /** The span of every row of {@code kind} the company holds at its as-of (computed once per kind). */
  private Provenance.@Nullable Coverage coverage(RecordKind<?> kind) {
    return coverages.computeIfAbsent(kind.name(), k -> Provenance.Coverage.of(
        company().rows(kind).stream().map(r -> timeOf(kind, r)).toList())).orElse(null);
  }

  /** The span of the points of the metric a query names (computed once per metric). */
  private Provenance.@Nullable Coverage metricCoverage(String query) {
    String metric = MetricSelector.parse(id, query).metric();
    return coverages.computeIfAbsent("metric:" + metric, k -> Provenance.Coverage.of(company().rows(RecordKind.METRICS)
        .stream().filter(p -> p.metric().equals(metric)).map(MetricPoint::timestamp).toList())).orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static <T> Instant timeOf(RecordKind<T> kind, Object row) {
    return kind.timeOf((T) row);
  }

  private Provenance provenance(String query, TimeWindow window) {
    return Provenance.of(id, query, window, clock.instant());
  }

  private MetricPointIndex metricIndex() {
    MetricPointIndex i = index;
    if (i == null) {
      synchronized (this) {
        i = index;
        if (i == null) {
          i = new MetricPointIndex(company().rows(RecordKind.METRICS));
          index = i;
        }
      }
    }
    return i;
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
