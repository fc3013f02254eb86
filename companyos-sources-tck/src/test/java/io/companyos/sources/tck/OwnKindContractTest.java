package io.companyos.sources.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.UnsupportedQueryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract run against a source that returns a kind of its own, declared through {@link #ownKinds()}. */
class OwnKindContractTest extends MetricSourceContract {
  /** A plugin's own row type and kind. */
  record Release(String name, Instant at) {}

  static final RecordKind<Release> RELEASES = RecordKind.of("releases", Release.class, Release::at);

  /** Three releases a day apart, the last an hour before the kit's "now". */
  static class ReleaseSource implements MetricSource {
    private final Clock clock;

    ReleaseSource(Clock clock) {
      this.clock = clock;
    }

    @Override
    public String id() {
      return "releases";
    }

    @Override
    public SourceDescription describe() {
      return SourceDescription.of("release-notes", RELEASES);
    }

    @Override
    public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
      if (!kind.equals(RELEASES)) {
        throw new UnsupportedQueryException(id(), "records", kind.name());
      }
      Instant last = NOW.minus(Duration.ofHours(1));
      List<Release> all = List.of(new Release("r1", last.minus(Duration.ofDays(2))),
          new Release("r2", last.minus(Duration.ofDays(1))), new Release("r3", last));
      return Dataset.inWindow(kind, all, Provenance.of(id(), "release notes", window, clock.instant()));
    }
  }

  @Override
  protected MetricSource createSource(Clock clock) {
    return new ReleaseSource(clock);
  }

  @Override
  protected List<RecordKind<?>> ownKinds() {
    return List.of(RELEASES);
  }

  @Test
  void theContractChecksTheOwnKindsRows() {
    // A source that ignores the window: with its kind listed, the kit asks it for an empty window and fails.
    MetricSourceContract leaky = new MetricSourceContract() {
      @Override
      protected MetricSource createSource(Clock clock) {
        return new ReleaseSource(clock) {
          @Override
          public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
            TimeWindow allTime = new TimeWindow(Instant.EPOCH, NOW.plus(Duration.ofDays(1)));
            Dataset<T> all = super.records(kind, allTime);
            return Dataset.of(all.rows(), Provenance.of(id(), "release notes", window, NOW));
          }
        };
      }

      @Override
      protected List<RecordKind<?>> ownKinds() {
        return List.of(RELEASES);
      }
    };
    assertThatThrownBy(leaky::anEmptyWindowGivesAnEmptyAnswerNotAnError)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("releases");
  }

  @Test
  void aKindNotListedInOwnKindsFailsTheContract() {
    MetricSourceContract forgetful = new MetricSourceContract() {
      @Override
      protected MetricSource createSource(Clock clock) {
        return new ReleaseSource(clock);
      }
    };
    assertThatThrownBy(forgetful::describesOnlyKindsTheContractKnows)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("neither built in nor returned by ownKinds()")
        .hasMessageContaining("releases");
  }
}
