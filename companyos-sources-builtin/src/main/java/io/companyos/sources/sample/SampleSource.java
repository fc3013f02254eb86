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
import io.companyos.sources.builtin.internal.MetricPointQueries;
import io.companyos.sources.builtin.internal.MetricSelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    if (!RecordKind.builtIn().contains(kind)) {
      throw new UnsupportedQueryException(id, "records of a kind the sample company does not hold", kind.name());
    }
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
    List<Series> series = MetricPointQueries.instant(company().rows(RecordKind.METRICS), MetricSelector.parse(id, query), at,
        INSTANT_LOOKBACK);
    return new Dataset<>(series, provenance(query, new TimeWindow(at.minus(INSTANT_LOOKBACK), at), series.size()));
  }

  @Override
  public Dataset<Series> range(String query, TimeWindow window, Duration step) {
    List<Series> series = MetricPointQueries.range(company().rows(RecordKind.METRICS), MetricSelector.parse(id, query), window);
    return new Dataset<>(series, provenance(query, window, series.size()));
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
