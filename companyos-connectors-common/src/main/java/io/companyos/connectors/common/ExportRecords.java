package io.companyos.connectors.common;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.UnsupportedQueryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What an export connector serves, read from its files once, on first use: a live pull (when there is one) syncs the
 * cache folder first, then the connector's reader runs, and every later query, from any thread, gets what that one
 * reading gave. Each query's provenance names the source, the files read, the window and the span of times the
 * exports hold.
 *
 * @param <R> what the connector's reader makes of its files (its rows, or what it assembled of several kinds)
 */
public final class ExportRecords<R> {
  /**
   * What one reading of the files gave.
   *
   * @param <R> what the connector's reader makes of its files
   * @param result the records
   * @param query the provenance's query ({@link ExportReading#query})
   * @param skipped what lenient mode left out, in reading order
   * @param covers the span of the times the files hold, or null when they hold none
   */
  public record Read<R>(R result, String query, List<SkippedInput> skipped, Provenance.@Nullable Coverage covers) {
    /**
     * A reading's outcome, its span taken from {@code times}.
     *
     * @param <R> what the connector's reader makes of its files
     * @param result the records
     * @param query the provenance's query
     * @param reading the reading, for what it skipped
     * @param times every time the records hold
     * @return the outcome
     */
    public static <R> Read<R> of(R result, String query, ExportReading reading, Collection<Instant> times) {
      return new Read<>(result, query, reading.skipped(), Provenance.Coverage.of(times).orElse(null));
    }
  }

  private final String sourceId;
  private final Clock clock;
  private final @Nullable Runnable sync;
  private final Supplier<Read<R>> reader;
  private volatile @Nullable Read<R> read;

  /**
   * The records of a source, not read yet.
   *
   * @param sourceId the source's id
   * @param clock the clock the provenance's time is read from
   * @param sync the live pull's sync into the folder read, run once before the reading; null for plain exports
   * @param reader reads the files
   */
  public ExportRecords(String sourceId, Clock clock, @Nullable Runnable sync, Supplier<Read<R>> reader) {
    this.sourceId = sourceId;
    this.clock = clock;
    this.sync = sync;
    this.reader = reader;
  }

  /**
   * Checks that there is something to read: {@code path} exists, or a live pull will fill it.
   *
   * @param path the configured file or folder
   * @throws SourceUnavailableException when it does not exist and there is no pull
   */
  public void requireExports(Path path) {
    if (sync == null && !Files.exists(path)) {
      throw new SourceUnavailableException(sourceId, "no file or folder " + path, null);
    }
  }

  /**
   * The reading's outcome: the pull's sync and the reading run on the first call only, also when several threads
   * call at once; an exception leaves it unread, so the next call tries again.
   *
   * @return what the reading gave
   */
  public Read<R> get() {
    Read<R> r = read;
    if (r == null) {
      synchronized (this) {
        r = read;
        if (r == null) {
          if (sync != null) {
            sync.run();
          }
          r = reader.get();
          read = r;
        }
      }
    }
    return r;
  }

  /**
   * What lenient mode left out, in reading order (reading the files first when they are not read yet).
   *
   * @return the skipped inputs
   */
  public List<SkippedInput> skipped() {
    return get().skipped();
  }

  /**
   * The records of one kind in {@code window}, with their provenance.
   *
   * @param <T> the record type
   * @param kind the kind asked for
   * @param window the window
   * @param kinds the kinds the source serves
   * @param rows picks the records of {@code kind} out of the reading's result
   * @return the dataset
   * @throws UnsupportedQueryException when the source does not serve {@code kind}
   */
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window, List<? extends RecordKind<?>> kinds,
      Function<R, ? extends Collection<?>> rows) {
    if (!kinds.contains(kind)) {
      throw new UnsupportedQueryException(sourceId, "records", kind.name());
    }
    Read<R> r = get();
    return Dataset.inWindow(kind, rows.apply(r.result()),
        Provenance.of(sourceId, r.query(), window, clock.instant()).withCovers(r.covers()));
  }
}
