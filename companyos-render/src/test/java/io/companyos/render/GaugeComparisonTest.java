package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A gauge in a monthly pack is compared with its reading a month earlier, not a week earlier. */
class GaugeComparisonTest {
  /** Compliance readings on October 20 (90 %), November 16 (93 %) and November 22 (95 %); no vulnerabilities. */
  static final class Readings implements MetricSource {
    static final List<Series.Point> POINTS = List.of(
        new Series.Point(Instant.parse("2026-10-20T00:00:00Z"), 0.90),
        new Series.Point(Instant.parse("2026-11-16T00:00:00Z"), 0.93),
        new Series.Point(Instant.parse("2026-11-22T00:00:00Z"), 0.95));

    @Override
    public String id() {
      return "grc";
    }

    @Override
    public SourceDescription describe() {
      return new SourceDescription("scripted", Set.of(RecordKind.VULNERABILITIES.name()), List.of(MetricNames.COMPLIANCE_CONTROLS_PASSING));
    }

    @Override
    public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
      return new Dataset<>(List.of(), new Provenance(id(), kind.name(), window, Instant.parse("2026-11-23T09:00:00Z"), 0));
    }

    @Override
    public Dataset<Series> range(String query, TimeWindow window, Duration step) {
      List<Series.Point> in = POINTS.stream().filter(p -> window.contains(p.timestamp())).toList();
      return new Dataset<>(List.of(new Series(query, Map.of(), in)),
          new Provenance(id(), query, window, Instant.parse("2026-11-23T09:00:00Z"), 1));
    }
  }

  @Test
  void theBoardComparesNovembersReadingWithOctobersNotLastWeeks() {
    PackDocument board = new PackAssembler(SampleCompany.COMPANY, List.of(new Readings()))
        .assemble(SampleCompany.COMPANY.pack("board-pack").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    PackSection posture = board.section("security_posture_summary").orElseThrow();
    MetricValue compliance = posture.fields().stream().filter(f -> f.key().equals("compliance_score")).findFirst().orElseThrow().value();
    // November 1-22 against October 1-22: the reading in force on November 22 (95 %) against October 22's (90 %).
    // Before, "previous" was the reading of a week before the as-of (November 16: 93 %).
    assertThat(posture.unavailableReason()).as(posture.toString()).isNull();
    assertThat(compliance.value()).isEqualTo(95.0);
    assertThat(compliance.previous()).isEqualTo(90.0);
    assertThat(compliance.deltaText()).isEqualTo("+5 pp (+5.6%)");
  }
}
