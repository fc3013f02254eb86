package io.companyos.render.internal;

import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionUnavailableException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
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

  private final List<MetricSource> sources;
  private final Map<Key, FutureTask<Dataset<?>>> answers = new ConcurrentHashMap<>();

  public SourceCache(List<MetricSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The first source that declares {@code kind}, or an unavailable-section error naming the kind. */
  public MetricSource sourceFor(RecordKind<?> kind) {
    for (MetricSource s : sources) {
      if (s.describe().supports(kind)) {
        return s;
      }
    }
    throw new SectionUnavailableException("no source configured for " + kind.name());
  }

  /** True when some source holds {@code kind}. */
  public boolean supports(RecordKind<?> kind) {
    return sources.stream().anyMatch(s -> s.describe().supports(kind));
  }

  /** The rows of {@code kind} in {@code window}, fetched once. Source failures propagate unchanged. */
  @SuppressWarnings("unchecked")
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    MetricSource source = sourceFor(kind);
    Key key = new Key(kind.name(), window);
    FutureTask<Dataset<?>> task = new FutureTask<>(() -> source.records(kind, window));
    FutureTask<Dataset<?>> existing = answers.putIfAbsent(key, task);
    FutureTask<Dataset<?>> mine = existing != null ? existing : task;
    if (existing == null) {
      task.run();
    }
    try {
      return (Dataset<T>) mine.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SectionUnavailableException("interrupted while reading " + kind.name());
    } catch (ExecutionException e) {
      answers.remove(key, mine);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new SectionUnavailableException("reading " + kind.name() + " failed: " + cause);
    }
  }
}
