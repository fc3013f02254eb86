package io.companyos.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.Change;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");
  private static final TimeWindow W = TimeWindow.ending(T, Duration.ofDays(7));

  @Test
  void provenanceMustCountTheRows() {
    Provenance p = new Provenance("files", "changes", W, T, 2);
    assertThatThrownBy(() -> new Dataset<>(List.of(new Change("c1", T)), p))
        .hasMessageContaining("rowCount 2 differs from 1 rows");
  }

  @Test
  void inWindowKeepsTheRowsOfTheHalfOpenWindowAndCountsThem() {
    // W is [2025-12-29T09:00Z, 2026-01-05T09:00Z): the row at the start is in, the one at the end and the one a
    // day before are out, so 2 of 4 rows remain and the provenance says 2.
    List<Change> all = List.of(new Change("before", W.start().minus(Duration.ofDays(1))),
        new Change("start", W.start()), new Change("mid", T.minus(Duration.ofHours(1))), new Change("end", W.end()));
    Dataset<Change> d = Dataset.inWindow(RecordKind.CHANGES, all, Provenance.of("git", "changes", W, T));
    assertThat(d.rows()).extracting(Change::changeId).containsExactly("start", "mid");
    assertThat(d.provenance().rowCount()).isEqualTo(2);
    assertThat(d.provenance().window()).isEqualTo(W);
  }

  @Test
  void ofChecksEveryRowAgainstTheKindsClass() {
    List<Object> rows = List.of(new Change("c1", T), "not a change");
    assertThatThrownBy(() -> Dataset.of(RecordKind.CHANGES, rows, Provenance.of("git", "changes", W, T)))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("kind 'changes' must be a io.companyos.model.data.Change, not java.lang.String");
  }

  @Test
  void computedRowsAreKeptAsTheyAreAndOtherListsAreCopied() {
    java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
    ComputedRows<Change> computed = new ComputedRows<>() {
      @Override
      public Change get(int i) {
        made.incrementAndGet();
        return new Change("c" + i, T);
      }

      @Override
      public int size() {
        return 1_000_000;
      }
    };
    Dataset<Change> d = Dataset.of(computed, Provenance.of("cols", "changes", W, T));
    assertThat(d.rows()).isSameAs(computed);
    assertThat(made).hasValue(0); // no record made until one is read
    assertThat(d.provenance().rowCount()).isEqualTo(1_000_000);
    assertThat(d.rows().get(7)).isEqualTo(new Change("c7", T)).isEqualTo(d.rows().get(7));
    assertThatThrownBy(() -> d.rows().add(new Change("x", T))).isInstanceOf(UnsupportedOperationException.class);

    java.util.List<Change> plain = new java.util.ArrayList<>(List.of(new Change("a", T)));
    Dataset<Change> copied = Dataset.of(plain, Provenance.of("git", "changes", W, T));
    plain.add(new Change("b", T));
    assertThat(copied.rows()).containsExactly(new Change("a", T));
  }

  @Test
  void ofCountsTheRowsAndKeepsTheCoverage() {
    Provenance.Coverage span = Provenance.Coverage.of(List.of(W.start(), T)).orElseThrow();
    Provenance p = Provenance.of("git", "changes", W, T).withCovers(span);
    Dataset<Change> d = Dataset.of(List.of(new Change("a", T), new Change("b", T)), p);
    assertThat(d.provenance().rowCount()).isEqualTo(2);
    assertThat(d.provenance().covers()).isEqualTo(span);
  }

  @Test
  void aDescriptionNamesItsKinds() {
    SourceDescription d = SourceDescription.of("release-log", RecordKind.DEPLOYMENTS, RecordKind.CHANGES);
    assertThat(d.recordKinds()).containsExactlyInAnyOrder("deployments", "changes");
    assertThat(d.supports(RecordKind.CHANGES)).isTrue();
    assertThat(d.supports(RecordKind.INCIDENTS)).isFalse();
    assertThat(d.metrics()).isEmpty();
  }

  @Test
  void recordKindPlacesRowsInHalfOpenWindows() {
    Change atStart = new Change("a", W.start());
    Change atEnd = new Change("b", W.end());
    assertThat(W.contains(RecordKind.CHANGES.timeOf(atStart))).isTrue();
    assertThat(W.contains(RecordKind.CHANGES.timeOf(atEnd))).isFalse();
  }

  @Test
  void defaultMethodsReportUnsupportedQueriesTyped() {
    MetricSource s = new MetricSource() {
      @Override
      public String id() {
        return "empty";
      }

      @Override
      public SourceDescription describe() {
        return new SourceDescription("empty", java.util.Set.of(), List.of());
      }
    };
    assertThatThrownBy(() -> s.records(RecordKind.INCIDENTS, W))
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("incidents");
    assertThat(((UnsupportedQueryException) catchThrowable(() -> s.instant("up", T))).code()).isEqualTo("COS-SRC-004");
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
