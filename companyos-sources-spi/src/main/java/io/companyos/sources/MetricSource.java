package io.companyos.sources;

import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A configured connection to one system that holds metrics or records. Every method answers for a
 * time window and returns a {@link Dataset} with provenance; an empty window gives an empty dataset,
 * never an error. Failures are {@link SourceException}s. Implementations must be safe to call from
 * several threads. New capabilities are added as default methods only.
 */
public interface MetricSource extends AutoCloseable {

  /**
   * The id this source was configured under (used in provenance).
   *
   * @return the configured id
   */
  String id();

  /**
   * What this source can answer: record kinds and metric names.
   *
   * @return the description of this source
   */
  SourceDescription describe();

  /**
   * The record kinds this source serves, the same as {@code describe().recordKinds()}. A source whose description
   * costs more than its record kinds (listing metric names may mean reading every metric) answers this without it, so
   * that a caller routing a record query does not wait for the metric names.
   *
   * @return the names of the record kinds, as in {@link SourceDescription#recordKinds()}
   * @since 0.1.0
   */
  default java.util.Set<String> recordKinds() {
    return describe().recordKinds();
  }

  /**
   * Evaluates {@code query} at one instant; each result series holds one point.
   *
   * @param query the query in the source's language (PromQL for Prometheus)
   * @param at the instant to evaluate at
   * @return one series per label set, each with one point
   * @throws UnsupportedQueryException when the source has no metrics
   */
  default Dataset<Series> instant(String query, Instant at) {
    throw new UnsupportedQueryException(id(), "instant query", query);
  }

  /**
   * Evaluates {@code query} over {@code window} at resolution {@code step}; points lie inside the window.
   *
   * @param query the query in the source's language (PromQL for Prometheus)
   * @param window the time window the points lie in
   * @param step the distance between two points
   * @return one series per label set
   * @throws UnsupportedQueryException when the source has no metrics
   */
  default Dataset<Series> range(String query, TimeWindow window, Duration step) {
    throw new UnsupportedQueryException(id(), "range query", query);
  }

  /**
   * Returns the rows of {@code kind} whose {@link RecordKind#timeOf time} lies in {@code window}.
   *
   * @param <T> the row type of the kind
   * @param kind the record kind asked for
   * @param window the time window the rows' times lie in
   * @return the rows, possibly none
   * @throws UnsupportedQueryException when the source does not hold that kind
   */
  default <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    throw new UnsupportedQueryException(id(), "records", kind.name());
  }

  /**
   * For sources whose data is a fixed snapshot (the sample company, an exported directory): the
   * instant the data describes, which packs use as their default as-of. Empty for live sources.
   *
   * @return the snapshot's instant, or empty for a live source
   */
  default Optional<Instant> snapshotAsOf() {
    return Optional.empty();
  }

  /**
   * The record kinds and metric names this source was configured to claim ({@code records:} and
   * {@code metrics:} in sources.yaml), which {@link SourceRouter} routes by. Providers need not
   * implement it: the sources opened by {@link Sources} carry their configuration's claims. The
   * default claims nothing.
   *
   * @return the claimed record kinds and metric names
   */
  default io.companyos.model.source.SourceClaims claims() {
    return io.companyos.model.source.SourceClaims.NONE;
  }

  /** Releases connections or files; the default does nothing. */
  @Override
  default void close() {}
}
