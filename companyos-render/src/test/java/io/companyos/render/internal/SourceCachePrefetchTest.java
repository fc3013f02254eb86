package io.companyos.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A prefetch reads in the background, once; the section's own call takes that answer, or its failure. */
class SourceCachePrefetchTest {
  private static final TimeWindow WEEK = new TimeWindow(Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

  /** Serves incidents only; each read waits for {@link #open} and is counted with the thread that made it. */
  static final class Gated implements MetricSource {
    final CountDownLatch open = new CountDownLatch(1);
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile int failFirst;

    @Override
    public String id() {
      return "gated";
    }

    @Override
    public SourceDescription describe() {
      return SourceDescription.of("test", RecordKind.INCIDENTS);
    }

    @Override
    public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
      int n = calls.incrementAndGet();
      threads.add(Thread.currentThread().getName());
      started.countDown();
      try {
        assertThat(open.await(30, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (n <= failFirst) {
        throw new IllegalStateException("incidents.csv:7:3: COS-SRC-003 read " + n + " failed");
      }
      return Dataset.of(List.of(), new Provenance("gated", "read " + n, window, window.end(), 0));
    }
  }

  @Test
  void thePrefetchReadsOnItsOwnThreadAndTheSectionTakesThatAnswer() throws InterruptedException {
    Gated source = new Gated();
    SourceCache cache = new SourceCache(List.of(source));

    cache.prefetch(RecordKind.INCIDENTS, WEEK); // returns while the read is still held
    assertThat(source.started.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(source.threads).containsExactly("companyos-prefetch");
    cache.prefetch(RecordKind.INCIDENTS, WEEK); // already under way: not read again
    source.open.countDown();

    Dataset<?> rows = cache.records(RecordKind.INCIDENTS, WEEK);
    assertThat(rows.provenance().query()).isEqualTo("read 1");
    assertThat(source.calls).hasValue(1);
  }

  @Test
  void aKindNoSourceHoldsIsNotRead() {
    Gated source = new Gated();
    source.open.countDown();
    new SourceCache(List.of(source)).prefetch(RecordKind.COSTS, WEEK);
    assertThat(source.calls).hasValue(0);
  }

  @Test
  void aFailedPrefetchIsReportedByTheSectionsCallAndTheNextCallReadsAgain() throws InterruptedException {
    Gated source = new Gated();
    source.failFirst = 1;
    SourceCache cache = new SourceCache(List.of(source));

    cache.prefetch(RecordKind.INCIDENTS, WEEK);
    assertThat(source.started.await(30, TimeUnit.SECONDS)).isTrue();
    source.open.countDown();

    assertThatThrownBy(() -> cache.records(RecordKind.INCIDENTS, WEEK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("incidents.csv:7:3: COS-SRC-003 read 1 failed");
    assertThat(cache.records(RecordKind.INCIDENTS, WEEK).provenance().query()).isEqualTo("read 2");
    assertThat(source.calls).hasValue(2);
  }
}
