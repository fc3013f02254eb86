package io.companyos.sources;

import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Applies a source's timeout and retries to every call: a call that takes longer than the timeout
 * fails with {@link SourceTimeoutException}; a {@link SourceUnavailableException} is retried up to
 * {@code retries} times with exponential backoff (100 ms, 200 ms, 400 ms, ... capped at 5 s), each
 * step randomised between half and all of its length. Other failures (bad data, unsupported query) are not retried: repeating them cannot help.
 */
final class ResilientSource implements MetricSource {
  /** The waits between attempts: the project's one retry policy with 100 ms steps, capped at 5 s, with jitter. */
  private static final io.companyos.model.base.RetryPolicy BACKOFF =
      new io.companyos.model.base.RetryPolicy(Integer.MAX_VALUE, java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(5));

  private final MetricSource delegate;
  private final Duration timeout;
  private final int retries;
  private final ExecutorService executor;
  private final io.companyos.model.source.SourceClaims claims;

  ResilientSource(MetricSource delegate, Duration timeout, int retries, ExecutorService executor,
      io.companyos.model.source.SourceClaims claims) {
    this.delegate = delegate;
    this.timeout = timeout;
    this.retries = retries;
    this.executor = executor;
    this.claims = claims;
  }

  @Override
  public io.companyos.model.source.SourceClaims claims() {
    return claims;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public SourceDescription describe() {
    return call("describe", delegate::describe);
  }

  @Override
  public java.util.Set<String> recordKinds() {
    return call("describe", delegate::recordKinds);
  }

  @Override
  public Dataset<Series> instant(String query, Instant at) {
    return limited(call(query, () -> delegate.instant(query, at)));
  }

  @Override
  public Dataset<Series> range(String query, TimeWindow window, Duration step) {
    return limited(call(query, () -> delegate.range(query, window, step)));
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    return limited(call(kind.name(), () -> delegate.records(kind, window)));
  }

  /** The dataset with this source's configured freshness limit on its coverage. */
  private <T> Dataset<T> limited(Dataset<T> d) {
    Provenance p = d.provenance();
    if (claims.staleAfter() == null || p.covers() == null) {
      return d;
    }
    return new Dataset<>(d.rows(), p.withCovers(p.covers().withStaleAfter(claims.staleAfter())));
  }

  @Override
  public java.util.Optional<Instant> snapshotAsOf() {
    return delegate.snapshotAsOf();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> T call(String what, Callable<T> body) {
    for (int attempt = 0; ; attempt++) {
      try {
        return once(what, body);
      } catch (SourceUnavailableException e) {
        if (attempt >= retries) {
          throw e;
        }
        sleep(attempt);
      }
    }
  }

  private <T> T once(String what, Callable<T> body) {
    Future<T> f = executor.submit(body);
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new SourceTimeoutException(delegate.id(), timeout, what);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException(delegate.id(), "interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new SourceUnavailableException(delegate.id(), String.valueOf(cause), cause);
    }
  }

  private void sleep(int attempt) {
    // attempt 0 failed: the wait before attempt 2 of the policy, and so on.
    java.time.Duration wait = BACKOFF.delayBefore(attempt + 2, null, ThreadLocalRandom.current());
    try {
      Thread.sleep(wait == null ? 0 : wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
