package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The weekly ops review rendered on three Mondays, each from the sample company as of that Monday (as
 * {@code render --as-of} does): the sample is one history in calendar time, so each pack reports its own
 * week, and a week's numbers do not depend on when they are read.
 */
class OpsReviewWeeksTest {
  static final Instant WEEK_45 = Instant.parse("2026-11-09T09:00:00Z");
  static final Instant WEEK_46 = Instant.parse("2026-11-16T09:00:00Z");
  static final Instant WEEK_47 = Instant.parse("2026-11-23T09:00:00Z");
  static final PackDocument W45 = opsReview(WEEK_45);
  static final PackDocument W46 = opsReview(WEEK_46);
  static final PackDocument W47 = opsReview(WEEK_47);

  static PackDocument opsReview(Instant asOf) {
    MetricSource sample = new SampleSourceProvider().create(
        SourceContext.of("sample", Map.of("as_of", asOf.toString()), Clock.fixed(asOf, SampleCompany.UTC), Path.of(".")));
    return new PackAssembler(SampleCompany.COMPANY, List.of(sample))
        .assemble(SampleCompany.COMPANY.pack("ops-review").orElseThrow(), asOf, SampleCompany.UTC);
  }

  @Test
  void eachMondayReportsItsOwnWeekAndAWeekReadsTheSameAsNextWeeksComparison() {
    assertThat(List.of(W45, W46, W47)).extracting(d -> d.period().label()).containsExactly("2026-W45", "2026-W46", "2026-W47");
    // DORA covers the last complete ISO week: 2-8, 9-15 and 16-22 November.
    assertThat(List.of(W45, W46, W47)).extracting(d -> dora(d).window()).containsExactly(
        week("2026-11-02"), week("2026-11-09"), week("2026-11-16"));

    // Three different weeks, so three different DORA blocks (the data does not slide with the as-of).
    assertThat(List.of(doraNow(W45), doraNow(W46), doraNow(W47))).doesNotHaveDuplicates();
    // What a pack compares with is what the previous Monday's pack showed as its own week.
    assertThat(doraBefore(W47)).isEqualTo(doraNow(W46));
    assertThat(doraBefore(W46)).isEqualTo(doraNow(W45));
    // Likewise the incident counts per severity over the seven days before the as-of.
    assertThat(incidentCounts(W47, MetricValue::previous)).isEqualTo(incidentCounts(W46, MetricValue::value));
    assertThat(incidentCounts(W46, MetricValue::previous)).isEqualTo(incidentCounts(W45, MetricValue::value));
  }

  @Test
  void theRepeatIncidentShowsInTheWeekItHappened() {
    // "checkout: payment provider timeouts (EU)", a P2 on 2026-11-17, repeats the checkout failure of 2026-11-03:
    // the week-47 pack flags it; the week-46 pack, rendered before it happened, does not.
    assertThat(repeatOfP2(W47)).startsWith("yes");
    assertThat(repeatOfP2(W46)).isEqualTo("no");
  }

  private static PackSection dora(PackDocument doc) {
    return doc.section("dora_metrics").orElseThrow();
  }

  private static Map<String, @Nullable Double> doraNow(PackDocument doc) {
    return fields(dora(doc), MetricValue::value);
  }

  private static Map<String, @Nullable Double> doraBefore(PackDocument doc) {
    return fields(dora(doc), MetricValue::previous);
  }

  private static Map<String, @Nullable Double> fields(PackSection s, Function<MetricValue, @Nullable Double> which) {
    Map<String, @Nullable Double> out = new LinkedHashMap<>();
    s.fields().forEach(f -> out.put(f.key(), which.apply(f.value())));
    return out;
  }

  /** Severity to count, from the incident summary table (first column severity, second count). */
  private static Map<String, @Nullable Double> incidentCounts(PackDocument doc, Function<MetricValue, @Nullable Double> which) {
    Map<String, @Nullable Double> out = new LinkedHashMap<>();
    for (List<MetricValue> row : doc.section("incident_summary").orElseThrow().tables().get(0).rows()) {
      out.put(row.get(0).text(), which.apply(row.get(1)));
    }
    return out;
  }

  private static String repeatOfP2(PackDocument doc) {
    return doc.section("incident_summary").orElseThrow().tables().get(0).rows().stream()
        .filter(row -> row.get(0).text().equals("P2")).findFirst().orElseThrow().get(3).text();
  }

  private static TimeWindow week(String monday) {
    Instant start = Instant.parse(monday + "T00:00:00Z");
    return new TimeWindow(start, start.plus(Duration.ofDays(7)));
  }
}
