package io.companyos.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Windows computed side by side give the values of a loop, in the windows' order. */
class EachInParallelTest {
  private static List<TimeWindow> days(int n) {
    List<TimeWindow> out = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      out.add(new TimeWindow(start.plus(Duration.ofDays(i)), start.plus(Duration.ofDays(i + 1))));
    }
    return out;
  }

  @Test
  void theValuesAreThoseOfALoopInTheWindowsOrder() {
    List<TimeWindow> windows = days(200);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Long> values = SectionCharts.eachInParallel(windows, w -> {
      threads.add(Thread.currentThread().getName());
      long x = w.start().getEpochSecond();
      for (int i = 0; i < 20_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L; // some work per window
      }
      return x;
    });
    List<Long> loop = new ArrayList<>();
    for (TimeWindow w : windows) {
      long x = w.start().getEpochSecond();
      for (int i = 0; i < 20_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      loop.add(x);
    }
    assertThat(values).isEqualTo(loop);
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("companyos-windows-"));
    }
    assertThat(SectionCharts.eachInParallel(List.of(), w -> 1)).isEmpty();
    assertThat(SectionCharts.eachInParallel(days(1), w -> w.start())).containsExactly(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void aFailureTheFunctionDoesNotReportIsThrownAsItIs() {
    assertThatThrownBy(() -> SectionCharts.eachInParallel(days(10), w -> {
      if (w.start().equals(Instant.parse("2026-01-05T00:00:00Z"))) {
        throw new IllegalStateException("metrics.csv:12: COS-SRC-003 bad value");
      }
      return 1;
    })).isInstanceOf(IllegalStateException.class).hasMessage("metrics.csv:12: COS-SRC-003 bad value");
  }
}
