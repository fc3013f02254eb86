package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Build;
import io.companyos.model.data.PullRequest;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.sprint.QualityMetrics;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FilesSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twelve builds and fifteen pull requests with the quality KPIs of the week [2026-11-01, 2026-11-08) worked out by hand;
 * Spark (from {@code builds.csv} and {@code pull_requests.csv}) and the Java reference (the same files read by the files
 * source) must both give them.
 */
class QualityHandMadeTest {
  static final TimeWindow WEEK = new TimeWindow(t("2026-11-01T00:00:00Z"), t("2026-11-08T00:00:00Z"));

  /** build_id, pipeline, timestamp, success. */
  static final String[][] BUILDS = {
    {"B-01", "ci/api", "2026-11-01T00:00:00Z", "true"}, // on the start: counts
    {"B-02", "ci/api", "2026-11-01T08:00:00Z", "false"},
    {"B-03", "ci/web", "2026-11-02T08:00:00Z", "true"},
    {"B-04", "ci/web", "2026-11-03T08:00:00Z", "yes"},
    {"B-05", "ci/api", "2026-11-03T09:00:00Z", "0"},
    {"B-06", "ci/api", "2026-11-04T10:00:00Z", "1"},
    {"B-07", "ci/web", "2026-11-05T10:00:00Z", "TRUE"},
    {"B-08", "ci/web", "2026-11-06T10:00:00Z", "false"},
    {"B-09", "ci/api", "2026-11-07T23:59:59Z", "true"},
    {"B-10", "ci/api", "2026-11-08T00:00:00Z", "true"}, // on the end: not in the week
    {"B-11", "ci/web", "2026-10-31T23:00:00Z", "false"}, // before
    {"B-01", "ci/web", "2026-11-12T00:00:00Z", "false"}, // after (the same id on another pipeline)
  };

  /** pr_id, repository, opened_at, first_review_at. */
  static final String[][] PRS = {
    {"P-01", "acme/web", "2026-11-01T00:00:00Z", "2026-11-01T02:30:00Z"}, // on the start: 150 min = 2.5 h
    {"P-02", "acme/web", "2026-11-02T09:00:00Z", "2026-11-02T10:00:59Z"}, // 60 min (59 s cut) = 1 h
    {"P-02", "acme/api", "2026-11-02T11:00:00Z", "2026-11-02T11:30:00Z"}, // the same id elsewhere: 30 min = 0.5 h
    {"P-03", "acme/web", "2026-11-02T12:00:00Z", ""}, // not reviewed
    {"P-04", "acme/api", "2026-11-03T08:00:00Z", "2026-11-04T08:00:00Z"}, // 1440 min = 24 h
    {"P-05", "acme/web", "2026-11-03T10:00:00Z", "2026-11-03T09:59:30Z"}, // −30 s: 0 min
    {"P-06", "acme/web", "2026-11-08T00:00:00Z", "2026-11-08T01:00:00Z"}, // on the end: not in the week
    {"P-07", "acme/api", "2026-10-31T23:59:59Z", "2026-11-01T01:00:00Z"}, // opened before
    {"P-08", "acme/api", "2026-11-04T00:00:00Z", "2026-11-04T00:45:00Z"}, // 45 min = 0.75 h
    {"P-09", "acme/web", "2026-11-05T15:00:00Z", "2026-11-06T03:00:00Z"}, // 720 min = 12 h
    {"P-10", "acme/api", "2026-11-06T00:00:00Z", "2026-11-06T06:20:00Z"}, // 380 min = 6 1/3 h
    {"P-11", "acme/web", "2026-11-07T23:00:00Z", "2026-11-09T00:00:00Z"}, // reviewed after the week: 1500 min = 25 h
    {"P-12", "acme/api", "2026-11-06T12:00:00Z", ""}, // not reviewed
    {"P-13", "acme/web", "2026-11-07T00:00:00Z", "2026-11-07T00:00:00Z"}, // 0 min
    {"P-14", "acme/api", "2026-11-10T00:00:00Z", "2026-11-10T01:00:00Z"}, // opened after
  };

  static List<Build> builds;
  static List<PullRequest> prs;
  static SparkKpis spark;

  @BeforeAll
  static void tables(@TempDir Path dir) throws IOException {
    writeCsv(dir);
    FilesSource files = new FilesSource("files", dir, true, Clock.fixed(t("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    TimeWindow all = new TimeWindow(t("2026-10-01T00:00:00Z"), t("2026-12-01T00:00:00Z"));
    builds = files.records(RecordKind.BUILDS, all).rows();
    prs = files.records(RecordKind.PULL_REQUESTS, all).rows();
    spark = CsvTables.kpis(dir);
  }

  /** Writes {@code builds.csv} and {@code pull_requests.csv} into {@code dir}. */
  static void writeCsv(Path dir) throws IOException {
    CsvTables.write(dir, "builds", "build_id,pipeline,timestamp,success", BUILDS);
    CsvTables.write(dir, "pull_requests", "pr_id,title,author,repository,opened_at,first_review_at,merged_at,closed_at",
        Arrays.asList(PRS), p -> List.of(p[0], "Change " + p[0], "dev", p[1], p[2], p[3], "", ""));
  }

  @Test
  void buildSuccessRate() {
    // In the week: B-01 … B-09; successful B-01, B-03, B-04 (yes), B-06 (1), B-07 (TRUE), B-09 → 6 / 9.
    assertThat(builds).hasSize(BUILDS.length);
    OptionalDouble want = OptionalDouble.of(6 / 9.0);
    assertThat(QualityMetrics.buildSuccessRate(builds, WEEK)).isEqualTo(want);
    SparkResult<OptionalDouble> got = spark.buildSuccessRate(WEEK);
    assertThat(got.value()).isEqualTo(want);
    assertThat(got.provenance().rowCount()).isEqualTo(9);
    assertThat(got.exact()).isTrue();
  }

  @Test
  void noBuildsIsEmptyNotZero() {
    TimeWindow quiet = new TimeWindow(t("2026-11-20T00:00:00Z"), t("2026-11-27T00:00:00Z"));
    assertThat(QualityMetrics.buildSuccessRate(builds, quiet)).isEmpty();
    assertThat(spark.buildSuccessRate(quiet).value()).isEmpty();
  }

  @Test
  void reviewTurnaround() {
    // Reviewed and opened in the week, in hours: P-01 2.5, P-02 1, P-02 0.5, P-04 24, P-05 0, P-08 0.75, P-09 12,
    // P-10 380/60, P-11 25, P-13 0. Sorted: 0, 0, 0.5, 0.75, 1, 2.5, 6 1/3, 12, 24, 25: the median (rank 4.5) lies
    // half way from 1 to 2.5.
    QualityMetrics.ReviewTurnaround want = new QualityMetrics.ReviewTurnaround(OptionalDouble.of(1 + 0.5 * (2.5 - 1)),
        List.of("P-01", "P-02", "P-02", "P-04", "P-05", "P-08", "P-09", "P-10", "P-11", "P-13"));
    assertThat(want.medianHours().getAsDouble()).isEqualTo(1.75);
    assertThat(QualityMetrics.reviewTurnaround(prs, WEEK)).isEqualTo(want);
    assertThat(QualityMetrics.reviewTurnaroundHours(prs, WEEK)).isEqualTo(want.medianHours());
    SparkResult<QualityMetrics.ReviewTurnaround> got = spark.reviewTurnaround(WEEK);
    assertThat(got.value()).isEqualTo(want);
    assertThat(got.complete()).isTrue();
    assertThat(got.exact()).isTrue();
  }

  @Test
  void theReviewedListIsBounded() {
    SparkResult<QualityMetrics.ReviewTurnaround> got = spark.withMaxIds(3).reviewTurnaround(WEEK);
    assertThat(got.value().reviewed()).containsExactly("P-01", "P-02", "P-02");
    assertThat(got.idsLeftOut()).isEqualTo(Map.of("reviewed", 7L));
    assertThat(got.value().medianHours()).hasValue(1.75); // the median is of all ten
  }
}
