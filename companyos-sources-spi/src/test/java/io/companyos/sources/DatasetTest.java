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
