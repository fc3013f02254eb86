package io.companyos.sources.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MetricSource} must keep. A plugin's test extends this class and implements
 * {@link #createSource(Clock)} (and, where it applies, {@link #windowWithData()} and
 * {@link #metricQuery()}); JUnit then runs every check below against the plugin:
 * provenance present and consistent, rows inside the queried window, empty windows answered with
 * empty datasets, typed errors for what the source cannot answer, deterministic answers for a fixed
 * clock, and safe concurrent use.
 */
public abstract class MetricSourceContract {
  /** The fixed "now" handed to sources under test. */
  protected static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  /** A kind no source describes, to check that unsupported queries fail with a typed error. */
  private static final RecordKind<String> UNKNOWN_KIND = RecordKind.of("tck-unknown-kind", String.class, s -> NOW);

  /**
   * Creates the source under test; called once per check, and twice for the determinism check.
   *
   * @param clock a clock fixed at {@link #NOW}
   * @return the source under test
   */
  protected abstract MetricSource createSource(Clock clock);

  /**
   * A window in which the source holds data for the kinds it describes.
   *
   * @return the window; the default is the 30 days before {@link #NOW}
   */
  protected TimeWindow windowWithData() {
    return TimeWindow.ending(NOW, Duration.ofDays(30));
  }

  /**
   * A metric query the source can answer, if it answers metric queries.
   *
   * @return the query, or empty (the default) for a source without metrics
   */
  protected Optional<String> metricQuery() {
    return Optional.empty();
  }

  /**
   * The plugin's own record kinds ({@link RecordKind#of}), checked like the built-in ones when the source describes
   * them. A source that describes a kind that is neither built in nor listed here fails
   * {@code describesOnlyKindsTheContractKnows}.
   *
   * @return the plugin's own kinds; none by default
   */
  protected List<RecordKind<?>> ownKinds() {
    return List.of();
  }

  private MetricSource source() {
    return createSource(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private List<RecordKind<?>> described(MetricSource s) {
    SourceDescription d = s.describe();
    List<RecordKind<?>> kinds = new ArrayList<>(RecordKind.builtIn());
    kinds.addAll(ownKinds());
    return kinds.stream().filter(d::supports).toList();
  }

  @Test
  void describesOnlyKindsTheContractKnows() {
    try (MetricSource s = source()) {
      List<String> known = new ArrayList<>();
      RecordKind.builtIn().forEach(k -> known.add(k.name()));
      ownKinds().forEach(k -> known.add(k.name()));
      assertThat(s.describe().recordKinds())
          .as("record kinds of the description that are neither built in nor returned by ownKinds()")
          .allSatisfy(name -> assertThat(known).contains(name));
    }
  }

  @Test
  void itsRecordKindsAreThoseOfItsDescription() {
    try (MetricSource s = source()) {
      assertThat(s.recordKinds()).as("recordKinds() against describe().recordKinds()")
          .containsExactlyInAnyOrderElementsOf(s.describe().recordKinds());
    }
  }

  @Test
  void describesItselfWithAProviderType() {
    try (MetricSource s = source()) {
      assertThat(s.id()).isNotBlank();
      assertThat(s.describe().type()).isNotBlank();
    }
  }

  @Test
  void everyAnswerCarriesConsistentProvenance() {
    try (MetricSource s = source()) {
      TimeWindow w = windowWithData();
      for (RecordKind<?> kind : described(s)) {
        Dataset<?> ds = s.records(kind, w);
        assertThat(ds.provenance().sourceId()).as(kind.name()).isEqualTo(s.id());
        assertThat(ds.provenance().window()).as(kind.name()).isEqualTo(w);
        assertThat(ds.provenance().query()).as(kind.name()).isNotBlank();
        assertThat(ds.provenance().rowCount()).as(kind.name()).isEqualTo(ds.rows().size());
      }
      metricQuery().ifPresent(q -> {
        Dataset<Series> ds = s.range(q, w, Duration.ofHours(1));
        assertThat(ds.provenance().query()).contains(q);
        assertThat(ds.provenance().window()).isEqualTo(w);
      });
    }
  }

  @Test
  void rowsLieInsideTheQueriedWindow() {
    try (MetricSource s = source()) {
      TimeWindow w = windowWithData();
      for (RecordKind<?> kind : described(s)) {
        assertInside(s, kind, w);
      }
      metricQuery().ifPresent(q -> {
        for (Series series : s.range(q, w, Duration.ofHours(1)).rows()) {
          assertThat(series.points()).allSatisfy(p -> assertThat(w.contains(p.timestamp())).as(q).isTrue());
        }
      });
    }
  }

  private static <T> void assertInside(MetricSource s, RecordKind<T> kind, TimeWindow w) {
    for (T row : s.records(kind, w).rows()) {
      assertThat(w.contains(kind.timeOf(row))).as("%s row %s outside %s", kind.name(), row, w).isTrue();
    }
  }

  @Test
  void anEmptyWindowGivesAnEmptyAnswerNotAnError() {
    try (MetricSource s = source()) {
      TimeWindow empty = new TimeWindow(windowWithData().end(), windowWithData().end());
      for (RecordKind<?> kind : described(s)) {
        assertThat(s.records(kind, empty).rows()).as(kind.name()).isEmpty();
      }
    }
  }

  @Test
  void whatTheSourceCannotAnswerFailsWithATypedError() {
    try (MetricSource s = source()) {
      assertThatThrownBy(() -> s.records(UNKNOWN_KIND, windowWithData())).isInstanceOf(SourceException.class);
    }
  }

  @Test
  void answersAreDeterministicForAFixedClock() {
    try (MetricSource a = source(); MetricSource b = source()) {
      TimeWindow w = windowWithData();
      for (RecordKind<?> kind : described(a)) {
        assertThat(b.records(kind, w)).as(kind.name()).isEqualTo(a.records(kind, w));
      }
      metricQuery().ifPresent(q -> assertThat(b.instant(q, w.end())).isEqualTo(a.instant(q, w.end())));
    }
  }

  @Test
  void concurrentQueriesGiveTheSameAnswers() throws Exception {
    try (MetricSource s = source()) {
      TimeWindow w = windowWithData();
      List<RecordKind<?>> kinds = described(s);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Dataset<?>>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          futures.add(pool.submit(() -> {
            List<Dataset<?>> answers = new ArrayList<>();
            for (RecordKind<?> kind : kinds) {
              answers.add(s.records(kind, w));
            }
            return answers;
          }));
        }
        List<Dataset<?>> first = futures.get(0).get();
        for (Future<List<Dataset<?>>> f : futures) {
          assertThat(f.get()).isEqualTo(first);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
