package io.companyos.spring.autoconfigure;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times every call to a source: {@code companyos.source.requests} (timer; tags {@code source},
 * {@code query} = records|instant|range, {@code outcome} = success|error, and {@code error} = the
 * exception's code or class on failures).
 */
final class MeteredSource implements MetricSource {
  private final MetricSource delegate;
  private final MeterRegistry registry;

  MeteredSource(MetricSource delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public SourceDescription describe() {
    return delegate.describe();
  }

  @Override
  public java.util.Set<String> recordKinds() {
    return delegate.recordKinds();
  }

  @Override
  public io.companyos.model.source.SourceClaims claims() {
    return delegate.claims();
  }

  @Override
  public Dataset<Series> instant(String query, Instant at) {
    return timed("instant", () -> delegate.instant(query, at));
  }

  @Override
  public Dataset<Series> range(String query, TimeWindow window, Duration step) {
    return timed("range", () -> delegate.range(query, window, step));
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    return timed("records", () -> delegate.records(kind, window));
  }

  @Override
  public Optional<Instant> snapshotAsOf() {
    return delegate.snapshotAsOf();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> T timed(String query, Supplier<T> call) {
    long start = System.nanoTime();
    String outcome = "success";
    String error = "none";
    try {
      return call.get();
    } catch (RuntimeException e) {
      outcome = "error";
      error = e instanceof io.companyos.model.base.CompanyOsException c ? c.code() : e.getClass().getSimpleName();
      throw e;
    } finally {
      Timer.builder("companyos.source.requests").description("Calls to a metric source").tag("source", delegate.id()).tag("query", query)
          .tag("outcome", outcome).tag("error", error).register(registry).record(Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
