package io.companyos.render.internal;

import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionUnavailableException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceRouter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Routes record queries to the first source that holds the kind and remembers each answer for the
 * rest of one pack, so sections that need the same rows (incidents for the snapshot and for the
 * incident table) ask the source once and see the same data.
 */
public final class SourceCache {
  private record Key(String kind, TimeWindow window) {}

  private final Map<Key, FutureTask<Dataset<?>>> answers = new ConcurrentHashMap<>();
  private final SourceRouter router;

  private final Map<Dataset<?>, Map<String, Object>> derived = new java.util.IdentityHashMap<>();

  /**
   * A value computed from {@code data} (one of this cache's answers), computed once per pack however many
   * sections ask for it, e.g. the distinct users of a month of product events.
   */
  @SuppressWarnings("unchecked")
  public <V> V derived(Dataset<?> data, String what, java.util.function.Supplier<V> compute) {
    synchronized (derived) {
      Object known = derived.getOrDefault(data, Map.of()).get(what);
      if (known != null) {
        return (V) known;
      }
    }
    V value = compute.get(); // outside the lock: racing sections compute the same value
    synchronized (derived) {
      derived.computeIfAbsent(data, d -> new java.util.HashMap<>()).putIfAbsent(what, value);
    }
    return value;
  }

  private final Map<Object, Object> shared;

  public SourceCache(List<MetricSource> sources) {
    this(sources, new ConcurrentHashMap<>());
  }

  /**
   * A cache for one pack whose {@link #shared} values live in {@code shared}, a map the assembler keeps for
   * every pack it assembles.
   */
  public SourceCache(List<MetricSource> sources, Map<Object, Object> shared) {
    this.router = new SourceRouter(sources);
    this.shared = shared;
  }

  /**
   * A value computed once for every pack of the assembler, under {@code key} (which must name everything the
   * value depends on besides the sources, e.g. the window and the as-of).
   */
  @SuppressWarnings("unchecked")
  public <V> V shared(Object key, java.util.function.Supplier<V> compute) {
    Object known = shared.get(key);
    if (known != null) {
      return (V) known;
    }
    V value = compute.get(); // outside any lock: racing sections compute the same value
    Object raced = shared.putIfAbsent(key, value);
    return raced == null ? value : (V) raced;
  }

  /** The source that serves {@code kind} (see {@link SourceRouter}), or an unavailable-section error naming the kind. */
  public MetricSource sourceFor(RecordKind<?> kind) {
    return router.forKind(kind).orElseThrow(() -> new SectionUnavailableException("no source configured for " + kind.name()));
  }

  /** True when some source serves {@code kind}. */
  public boolean supports(RecordKind<?> kind) {
    return router.forKind(kind).isPresent();
  }

  /** The source that serves {@code metric} (see {@link SourceRouter}), or an unavailable-section error. */
  public MetricSource sourceForMetric(String metric) {
    return router.forMetric(metric).orElseThrow(() -> new SectionUnavailableException("no source configured for metric " + metric));
  }

  /** True when some source serves {@code metric}. */
  public boolean supportsMetric(String metric) {
    return router.forMetric(metric).isPresent();
  }

  /** The series of range query {@code query} over {@code window}, fetched once. */
  @SuppressWarnings("unchecked")
  public Dataset<Series> range(String metric, String query, TimeWindow window, Duration step) {
    MetricSource source = sourceForMetric(metric);
    return (Dataset<Series>) once(new Key("range:" + query + "@" + step, window), () -> source.range(query, window, step));
  }

  /**
   * The instant query {@code query} at {@code at}, fetched once, from the source that serves the metrics it names
   * ({@link SourceRouter#forQuery}); an unavailable-section error when none does.
   */
  @SuppressWarnings("unchecked")
  public Dataset<Series> instant(String query, java.time.Instant at) {
    MetricSource source = router.forQuery(query)
        .orElseThrow(() -> new SectionUnavailableException("no source configured for the query " + query));
    return (Dataset<Series>) once(new Key("instant:" + query, new TimeWindow(at, at)), () -> source.instant(query, at));
  }

  /**
   * The metric points of the source that serves {@code metric} (see {@link SourceRouter#forMetric}) in
   * {@code window}, fetched once per source and window (all of its metrics, not only {@code metric}).
   */
  @SuppressWarnings("unchecked")
  public Dataset<io.companyos.model.data.MetricPoint> metricPoints(String metric, TimeWindow window) {
    MetricSource source = sourceForMetric(metric);
    return (Dataset<io.companyos.model.data.MetricPoint>) once(new Key(RecordKind.METRICS.name() + "@" + source.id(), window),
        () -> source.records(RecordKind.METRICS, window));
  }

  /** The rows of {@code kind} in {@code window}, fetched once. Source failures propagate unchanged. */
  @SuppressWarnings("unchecked")
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    MetricSource source = sourceFor(kind);
    return (Dataset<T>) once(new Key(kind.name(), window), () -> source.records(kind, window));
  }

  /**
   * Starts fetching the rows of {@code kind} in {@code window} on a background thread and returns at once, so that
   * reads a section will need one after another run at the same time as each other and as its other work; the
   * section's own {@link #records} call then takes the same answer (or waits for it). Nothing happens when no source
   * holds the kind or the answer is already there. A failure is kept for that call, which reports it as always.
   */
  public void prefetch(RecordKind<?> kind, TimeWindow window) {
    if (!supports(kind)) {
      return;
    }
    MetricSource source = sourceFor(kind);
    Key key = new Key(kind.name(), window);
    FutureTask<Dataset<?>> task = new FutureTask<>(() -> source.records(kind, window));
    if (answers.putIfAbsent(key, task) == null) {
      PREFETCH.execute(task);
    }
  }

  /** Threads that run {@link #prefetch}es; idle ones end after a minute, and none keeps the JVM alive. */
  private static final java.util.concurrent.ExecutorService PREFETCH = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "companyos-prefetch");
    t.setDaemon(true);
    return t;
  });

  private Dataset<?> once(Key key, java.util.concurrent.Callable<Dataset<?>> fetch) {
    FutureTask<Dataset<?>> task = new FutureTask<>(fetch);
    FutureTask<Dataset<?>> existing = answers.putIfAbsent(key, task);
    FutureTask<Dataset<?>> mine = existing != null ? existing : task;
    if (existing == null) {
      task.run();
    }
    try {
      return mine.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SectionUnavailableException("interrupted while reading " + key.kind());
    } catch (ExecutionException e) {
      answers.remove(key, mine);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new SectionUnavailableException("reading " + key.kind() + " failed: " + cause);
    }
  }
}
