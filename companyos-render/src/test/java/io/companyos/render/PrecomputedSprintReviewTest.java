package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.sources.MetricSource;
import io.companyos.sources.files.FilesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sprint review's sprint and quality metrics rendered from a files folder holding only the batch job's {@code metrics.csv}
 * (hand-written rows, values chosen by hand). At the sample's as-of the two-week sprint of 2026-11-16 is under way: the
 * section reports its complete days, [2026-11-16, 2026-11-23) (a job run with {@code --as-of 2026-11-23T00:00:00Z
 * --days 7}), against the same days of the sprint before, [2026-11-02, 2026-11-09).
 */
class PrecomputedSprintReviewTest {
  private static final String END = "2026-11-23T00:00:00Z";
  private static final String WEEK = "from=2026-11-16T00:00:00Z;to=2026-11-23T00:00:00Z";
  private static final String SPRINT_BEFORE = "from=2026-11-02T00:00:00Z;to=2026-11-09T00:00:00Z";

  @TempDir Path dir;

  private static final String SPRINT = "from=2026-11-16T00:00:00Z;to=2026-11-30T00:00:00Z";
  private static final String AS_OF = "2026-11-23T09:00:00Z";

  private PackSection quality(String... rows) throws IOException {
    return section("quality_metrics", rows);
  }

  private PackSection section(String type, String... rows) throws IOException {
    Files.writeString(dir.resolve("metrics.csv"), "timestamp,metric,labels,value\n" + String.join("\n", rows) + "\n");
    MetricSource cluster = new FilesSource("cluster", dir, true, Clock.fixed(SampleCompany.AS_OF, SampleCompany.UTC));
    PackSection s = new PackAssembler(SampleCompany.COMPANY, List.of(cluster))
        .assemble(SampleCompany.COMPANY.pack("sprint-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC)
        .section(type).orElseThrow();
    assertThat(s.available()).as(s.unavailableReason()).isTrue();
    return s;
  }

  private static MetricValue field(PackSection s, String key) {
    return s.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void theSprintReviewShowsTheWeeksPrecomputedBuildSuccessAndReviewTurnaround() throws IOException {
    PackSection quality = quality(
        END + ",companyos:kpi:build_success_rate," + WEEK + ",92.5",
        "2026-11-09T00:00:00Z,companyos:kpi:build_success_rate," + SPRINT_BEFORE + ",90.0",
        END + ",companyos:kpi:review_turnaround_hours," + WEEK + ";approximate=true;median_accuracy=100,5.5",
        // The last day only: not the section's week.
        END + ",companyos:kpi:review_turnaround_hours,from=2026-11-22T00:00:00Z;to=2026-11-23T00:00:00Z,77.0");
    MetricValue builds = field(quality, "build_success");
    assertThat(builds.text()).isEqualTo("92.5%");
    assertThat(builds.kpi()).isEqualTo("build_success_rate");
    assertThat(builds.evidence()).containsExactly("precomputed, ids not carried");
    assertThat(builds.provenance().sourceId()).isEqualTo("cluster");
    assertThat(builds.provenance().query()).contains("precomputed companyos:kpi:build_success_rate{from=2026-11-16T00:00:00Z,"
        + "to=2026-11-23T00:00:00Z} over 2026-11-16 to 2026-11-22");
    // +2.5 pp on 90: +2.8%.
    assertThat(builds.deltaText()).isEqualTo("+2.5 pp (+2.8%)");
    MetricValue review = field(quality, "review_time");
    assertThat(review.value()).isEqualTo(5.5);
    // Rank error 1 / 100 of the values counted.
    assertThat(review.text()).isEqualTo("≈ 5.5 h (percentile_approx, rank error ±1%)");
    assertThat(review.kpi()).isEqualTo("review_turnaround_hours");
    assertThat(review.evidence()).containsExactly("precomputed, ids not carried");
    assertThat(field(quality, "test_coverage").present()).isFalse();
  }

  @Test
  void withoutTheWeeksValuesOrRecordsTheQualityMetricsAreNa() throws IOException {
    PackSection quality = quality(
        END + ",companyos:kpi:review_turnaround_hours,from=2026-11-22T00:00:00Z;to=2026-11-23T00:00:00Z,77.0");
    assertThat(field(quality, "review_time").absentReason())
        .isEqualTo("no source of pull requests and no review_turnaround_hours precomputed for 2026-11-16 to 2026-11-22");
    assertThat(field(quality, "build_success").absentReason())
        .isEqualTo("no source of builds and no build_success_rate precomputed for 2026-11-16 to 2026-11-22");
  }

  @Test
  void theSprintMetricsAreTheOnesAJobRunAtThePacksAsOfWroteForTheSprintUnderWay() throws IOException {
    // The sprint of the company's calendar under way at the as-of, [2026-11-16, 2026-11-30), as KpiJob labels it,
    // stamped at the job's as-of.
    PackSection sprint = section("sprint_metrics",
        AS_OF + ",companyos:kpi:points_committed," + SPRINT + ",34.0",
        AS_OF + ",companyos:kpi:points_delivered," + SPRINT + ",21.0",
        AS_OF + ",companyos:kpi:cycle_time_days," + SPRINT + ",2.5",
        AS_OF + ",companyos:kpi:bug_escape_rate," + SPRINT + ",25.0",
        // A run at midnight: 13 points delivered by then, not by the pack's as-of.
        END + ",companyos:kpi:points_delivered," + SPRINT + ",13.0");
    assertThat(field(sprint, "points_committed").text()).isEqualTo("34 pts");
    assertThat(field(sprint, "points_committed").kpi()).isEqualTo("points_committed");
    assertThat(field(sprint, "points_committed").evidence()).containsExactly("precomputed, ids not carried");
    assertThat(field(sprint, "points_committed").provenance().query()).contains("precomputed companyos:kpi:points_committed"
        + "{from=2026-11-16T00:00:00Z,to=2026-11-30T00:00:00Z} over 2026-11-16 to 2026-11-29");
    assertThat(field(sprint, "points_delivered").text()).isEqualTo("21 pts");
    assertThat(field(sprint, "cycle_time").text()).isEqualTo("2.5 d");
    assertThat(field(sprint, "cycle_time").kpi()).isEqualTo("cycle_time_days");
    assertThat(field(sprint, "bug_escape_rate").text()).isEqualTo("25%");
    assertThat(field(sprint, "velocity_trend").absentReason())
        .isEqualTo("no source of sprints and sprint items (the job writes the sprint under way only)");
  }

  @Test
  void aSprintValueWrittenAtAnotherAsOfIsNotUsed() throws IOException {
    PackSection sprint = section("sprint_metrics",
        AS_OF + ",companyos:kpi:points_committed," + SPRINT + ",34.0",
        END + ",companyos:kpi:points_delivered," + SPRINT + ",13.0",
        // The sprint before, and a sprint of other bounds: neither is the sprint under way.
        AS_OF + ",companyos:kpi:cycle_time_days,from=2026-11-02T00:00:00Z;to=2026-11-16T00:00:00Z,9.0",
        AS_OF + ",companyos:kpi:bug_escape_rate,from=2026-11-16T00:00:00Z;to=2026-11-23T00:00:00Z,50.0");
    assertThat(field(sprint, "points_committed").value()).isEqualTo(34.0);
    assertThat(field(sprint, "points_delivered").absentReason()).isEqualTo("no source of sprint items and no points_delivered "
        + "precomputed for the sprint 2026-11-16 to 2026-11-29 as of 2026-11-23T09:00:00Z");
    assertThat(field(sprint, "cycle_time").present()).isFalse();
    assertThat(field(sprint, "bug_escape_rate").present()).isFalse();
  }
}
