package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The board's MTTR (P1/P2) is the median restore of the P1/P2 incidents resolved in the month, whenever opened. */
class BoardMttrTest {
  static final List<Incident> INCIDENTS = List.of(
      incident("i1", "P1", "2026-10-31T00:00:00Z", "2026-11-01T06:00:00Z"), // opened in October, restored in November: 30 h
      incident("i2", "P2", "2026-11-05T10:00:00Z", "2026-11-05T12:00:00Z"), // 2 h
      incident("i3", "P3", "2026-11-06T00:00:00Z", "2026-11-08T02:00:00Z"), // P3: not counted
      incident("i4", "P2", "2026-11-10T00:00:00Z", "2026-11-10T04:00:00Z")); // 4 h

  static Incident incident(String id, String severity, String created, String resolved) {
    return new Incident(id, Instant.parse(created), Instant.parse(resolved), severity, "api", "t", null);
  }

  /** Incidents, and SLO series that are listed but empty. */
  static final class Source implements MetricSource {
    @Override
    public String id() {
      return "ops";
    }

    @Override
    public SourceDescription describe() {
      return new SourceDescription("scripted", Set.of(RecordKind.INCIDENTS.name()),
          List.of(MetricNames.SLO_REQUESTS, MetricNames.SLO_ERRORS, MetricNames.SLO_TARGET));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
      List<T> in = ((List<T>) INCIDENTS).stream().filter(r -> window.contains(kind.timeOf(r))).toList();
      return new Dataset<>(in, new Provenance(id(), kind.name(), window, SampleCompany.AS_OF, in.size()));
    }

    @Override
    public Dataset<Series> range(String query, TimeWindow window, Duration step) {
      return new Dataset<>(List.of(), new Provenance(id(), query, window, SampleCompany.AS_OF, 0));
    }
  }

  @Test
  void medianOfTheRestoresInTheMonth() {
    PackDocument board = new PackAssembler(SampleCompany.COMPANY, List.of(new Source()))
        .assemble(SampleCompany.COMPANY.pack("board-pack").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    PackSection platform = board.section("platform_health").orElseThrow();
    MetricValue mttr = platform.fields().stream().filter(f -> f.key().equals("mttr")).findFirst().orElseThrow().value();
    // November 1-22: i1 (30 h), i2 (2 h), i4 (4 h) -> median 4 h. The mean of the P1/P2 opened in November was 3 h.
    assertThat(mttr.value()).isEqualTo(4.0);
    assertThat(mttr.evidence()).containsExactly("i1", "i2", "i4");
    assertThat(mttr.provenance().window())
        .isEqualTo(new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")));
  }
}
