package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.scoring.sprint.SprintMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three sprints and twenty items with the metrics of sprint S-7 [2026-11-02, 2026-11-16), the goals of the three and
 * the velocity trend worked out by hand; Spark
 * (from {@code sprints.csv} and {@code sprint_items.csv}) and the Java reference must both give them. Empty
 * {@code committed} and {@code escaped} cells read as the files source reads them: committed, not escaped.
 */
class SprintsHandMadeTest {
  /** sprint_id, start, end, goals. */
  static final String[][] SPRINTS = {
    {"S-6", "2026-10-19T00:00:00Z", "2026-11-02T00:00:00Z", "Faster checkout"},
    {"S-7", "2026-11-02T00:00:00Z", "2026-11-16T00:00:00Z", "Dashboards v2;Fewer pages"},
    {"S-8", "2026-11-16T00:00:00Z", "2026-11-30T00:00:00Z", "Search"},
  };

  /** sprint_id, item_id, kind, points, committed, started_at, completed_at, escaped (added at the sprint's start). */
  static final String[][] ITEMS = {
    {"S-7", "A-01", "story", "3", "true", "2026-11-02T09:00:00Z", "2026-11-03T09:00:00Z", "false"}, // 1440 min
    {"S-7", "A-02", "story", "5", "true", "2026-11-03T00:00:00Z", "2026-11-05T12:00:00Z", "false"}, // 3600 min
    {"S-7", "A-03", "task", "0.5", "true", "2026-11-04T10:00:00Z", "2026-11-04T16:00:00Z", "false"}, // 360 min
    {"S-7", "A-04", "bug", "1", "true", "2026-11-05T00:00:00Z", "2026-11-06T00:00:59Z", "true"}, // 1440 min (59 s cut)
    {"S-7", "A-05", "bug", "2", "false", "2026-11-08T00:00:00Z", "2026-11-09T00:00:00Z", "false"}, // 1440 min
    {"S-7", "A-06", "story", "8", "true", "2026-11-10T00:00:00Z", "", "false"}, // open
    {"S-7", "A-07", "story", "13", "true", "", "", "false"}, // not started
    {"S-7", "A-08", "story", "2", "true", "2026-11-14T00:00:00Z", "2026-11-16T00:00:00Z", "false"}, // on the end: late
    {"S-7", "A-09", "task", "0.1", "true", "", "2026-11-12T00:00:00Z", "false"}, // delivered, no start
    {"S-7", "A-10", "task", "0.2", "true", "2026-11-12T00:00:00Z", "2026-11-13T12:00:00Z", "false"}, // 2160 min
    {"S-7", "A-11", "bug", "1", "", "2026-11-06T00:00:00Z", "2026-11-05T23:59:30Z", "true"}, // −30 s: 0 min
    {"S-7", "A-12", "bug", "3", "false", "2026-11-15T00:00:00Z", "2026-11-17T00:00:00Z", ""}, // after the end
    {"S-7", "A-13", "story", "5", "true", "2026-11-06T06:00:00Z", "2026-11-11T06:00:00Z", "false"}, // 7200 min
    {"S-7", "A-14", "task", "1", "true", "2026-11-15T20:00:00Z", "2026-11-15T23:00:00Z", "false"}, // 180 min
    {"S-6", "B-01", "story", "8", "true", "2026-10-20T00:00:00Z", "2026-11-03T00:00:00Z", "false"}, // another sprint
    {"S-6", "B-02", "bug", "1", "true", "2026-10-20T00:00:00Z", "2026-10-21T00:00:00Z", "true"}, // another sprint
    {"S-7", "A-15", "story", "0.1", "false", "2026-11-09T00:00:00Z", "2026-11-09T08:00:00Z", "false"}, // 480 min
    {"S-7", "A-16", "bug", "0", "true", "", "", "false"}, // open
    {"S-7", "A-17", "story", "3", "true", "2026-11-02T00:00:00Z", "2026-11-02T00:00:00Z", "false"}, // 0 min
    {"S-8", "C-01", "task", "2", "true", "", "", "false"}, // another sprint
  };

  /**
   * item_id → the goal it is linked to: A-08 names a goal of another sprint, C-01 (of S-8) one of S-7's, and S-8's
   * "Search" has no items.
   */
  static final Map<String, String> GOALS = Map.of("A-01", "Dashboards v2", "A-02", "Dashboards v2", "A-06",
      "Dashboards v2", "A-13", "Dashboards v2", "A-04", "Fewer pages", "A-11", "Fewer pages", "B-01", "Faster checkout",
      "A-08", "Faster checkout", "C-01", "Dashboards v2");

  static final Sprint S7 = new Sprint("S-7", t("2026-11-02T00:00:00Z"), t("2026-11-16T00:00:00Z"),
      List.of("Dashboards v2", "Fewer pages"));
  static final Sprint S6 = new Sprint("S-6", t("2026-10-19T00:00:00Z"), t("2026-11-02T00:00:00Z"),
      List.of("Faster checkout"));
  static final Sprint S8 = new Sprint("S-8", t("2026-11-16T00:00:00Z"), t("2026-11-30T00:00:00Z"), List.of("Search"));

  static List<SprintItem> items;
  static SparkKpis spark;

  @BeforeAll
  static void tables(@TempDir Path dir) throws IOException {
    writeCsv(dir);
    spark = CsvTables.kpis(dir);
  }

  /** Writes {@code sprints.csv} and {@code sprint_items.csv} into {@code dir} and keeps the same items as records. */
  static void writeCsv(Path dir) throws IOException {
    CsvTables.write(dir, "sprints", "sprint_id,start,end,goals", SPRINTS);
    items = new ArrayList<>();
    for (String[] i : ITEMS) {
      items.add(new SprintItem(i[0], i[1], "Item " + i[1], i[2], Double.parseDouble(i[3]), !i[4].equals("false"),
          t(added(i[0])), i[5].isEmpty() ? null : t(i[5]), i[6].isEmpty() ? null : t(i[6]), i[7].equals("true"),
          GOALS.get(i[1])));
    }
    // Points and the committed cell as written in ITEMS (a points cell's text, a committed cell left empty).
    CsvTables.write(dir, "sprint_items", "sprint_id,item_id,title,kind,points,committed,added_at,started_at,"
        + "completed_at,escaped,goal", Arrays.asList(ITEMS), i -> Arrays.asList(i[0], i[1], "Item " + i[1], i[2], i[3], i[4],
        added(i[0]), i[5], i[6], i[7], GOALS.get(i[1])));
  }

  /** When an item was added: its sprint's start. */
  private static String added(String sprint) {
    return sprint.equals("S-6") ? "2026-10-19T00:00:00Z" : sprint.equals("S-7") ? "2026-11-02T00:00:00Z"
        : "2026-11-16T00:00:00Z";
  }

  @Test
  void theSprintsAreReadWithTheirGoals() {
    assertThat(SprintsOnSpark.sprints(spark)).contains(S7).hasSize(3);
  }

  @Test
  void theSprintsMetrics() {
    // Committed (A-11's empty cell is committed; are not): 3 + 5 + 0.5 + 1 + 8 + 13 + 2 + 0.1 + 0.2
    //   + 1 + 5 + 1 + 0 + 3 = 42.8.
    // Delivered, completed before 2026-11-16 (A-08 on the end and A-12 after it are not): A-01 3, A-02 5, A-03 0.5,
    //   A-04 1, A-05 2, A-09 0.1, A-10 0.2, A-11 1, A-13 5, A-14 1, A-15 0.1, A-17 3 = 21.9 in 12 items.
    // Cycle times of the 11 with a start (A-09 has none), whole minutes: 1440 + 3600 + 360 + 1440 + 1440 + 2160 + 0
    //   + 7200 + 180 + 480 + 0 = 18300 → mean 18300 / 1440 / 11 days.
    // In days, sorted: 0, 0, 0.125, 0.25, 1/3, 1, 1, 1, 1.5, 2.5, 5: the median (rank 5) is 1, the 85th percentile
    //   (rank 8.5) lies half way from 1.5 to 2.5.
    // Bugs; escaped → 2 / 5.
    // Carry-over.
    SprintMetrics.Result want = new SprintMetrics.Result("S-7", 42.8, 21.9, 12, carry("A-06", "A-07", "A-08", "A-12",
        "A-16"), OptionalDouble.of(18300 / 1440.0 / 11), OptionalDouble.of(1.0),
        OptionalDouble.of(1.5 + (0.85 * 10 - 8) * (2.5 - 1.5)), OptionalDouble.of(0.4), 5, List.of("A-04", "A-11"), 11);
    assertThat(SprintMetrics.compute(S7, items)).isEqualTo(want);
    SparkResult<SprintMetrics.Result> got = spark.sprint(S7);
    assertThat(got.value()).isEqualTo(want);
    assertThat(got.complete()).isTrue();
  }

  @Test
  void pointsDeliveredByTheFirstWeeksEnd() {
    // Completed before 2026-11-09: A-01 3, A-02 5, A-03 0.5, A-04 1, A-11 1, A-17 3 = 13.5 (A-05 on the cutoff is not).
    assertThat(SprintMetrics.deliveredBy(S7, items, t("2026-11-09T00:00:00Z"))).isEqualTo(13.5);
    assertThat(spark.pointsDeliveredBy(S7, t("2026-11-09T00:00:00Z")).value()).isEqualTo(13.5);
    // A cutoff after the end counts up to the end: all 21.9 delivered.
    assertThat(spark.pointsDeliveredBy(S7, t("2026-12-01T00:00:00Z")).value()).isEqualTo(21.9);
  }

  @Test
  void theCarryOverIsBounded() {
    SparkResult<SprintMetrics.Result> got = spark.withMaxIds(2).sprint(S7);
    assertThat(got.value().carryover()).extracting(SprintItem::itemId).containsExactly("A-06", "A-07");
    assertThat(got.idsLeftOut()).isEqualTo(Map.of("carryover", 3L));
    assertThat(got.value().escapedBugIds()).containsExactly("A-04", "A-11"); // exactly two: not cut
  }

  @Test
  void eachSprintsGoals() {
    // S-7 (end 2026-11-16): "Dashboards v2" has, A-13 (C-01 is S-8's), done, A-13 (A-06
    //   is open) → partial; "Fewer pages" has, both done before the end (A-11 before it was started)
    //   → achieved. A-08 names S-6's goal but is S-7's: counted for neither.
    List<SprintMetrics.Goal> s7 = List.of(
        new SprintMetrics.Goal("Dashboards v2", List.of("A-01", "A-02", "A-06", "A-13"), 3, SprintMetrics.GoalStatus.PARTIAL),
        new SprintMetrics.Goal("Fewer pages", List.of("A-04", "A-11"), 2, SprintMetrics.GoalStatus.ACHIEVED));
    assertThat(SprintMetrics.goals(S7, items)).isEqualTo(s7);
    assertThat(spark.sprintGoals(S7).value()).isEqualTo(s7);
    // S-6 (end 2026-11-02): "Faster checkout" has B-01, completed 2026-11-03, after the end → not started.
    List<SprintMetrics.Goal> s6 = List.of(new SprintMetrics.Goal("Faster checkout", List.of("B-01"), 0,
        SprintMetrics.GoalStatus.NOT_STARTED));
    assertThat(SprintMetrics.goals(S6, items)).isEqualTo(s6);
    assertThat(spark.sprintGoals(S6).value()).isEqualTo(s6);
    // S-8: "Search" has no items.
    List<SprintMetrics.Goal> s8 = List.of(new SprintMetrics.Goal("Search", List.of(), 0, SprintMetrics.GoalStatus.NO_ITEMS));
    assertThat(SprintMetrics.goals(S8, items)).isEqualTo(s8);
    assertThat(spark.sprintGoals(S8).value()).isEqualTo(s8);
  }

  @Test
  void aGoalsItemsAreBounded() {
    SparkResult<List<SprintMetrics.Goal>> got = spark.withMaxIds(2).sprintGoals(S7);
    // The first two of "Dashboards v2" in id order, the other two counted; the status still from all four.
    assertThat(got.value().get(0)).isEqualTo(new SprintMetrics.Goal("Dashboards v2", List.of("A-01", "A-02"), 3,
        SprintMetrics.GoalStatus.PARTIAL));
    assertThat(got.idsLeftOut()).isEqualTo(Map.of("goal Dashboards v2", 2L));
  }

  @Test
  void theVelocityTrend() {
    // Points delivered before each sprint's own end: S-6 B-02 1 (B-01 is late) = 1; S-7 21.9 (theSprintsMetrics);
    // S-8 0 (C-01 is open).
    List<Sprint> sprints = List.of(S8, S6, S7); // in no particular order
    // On 2026-11-10 S-7 is under way; against the one sprint before: (21.9 − 1) / 1 × 100.
    assertThat(SprintMetrics.velocityChange(sprints, items, t("2026-11-10T00:00:00Z"), 1))
        .isEqualTo(OptionalDouble.of((21.9 - 1) / 1 * 100));
    assertThat(spark.velocityChange(t("2026-11-10T00:00:00Z"), 1).value())
        .isEqualTo(OptionalDouble.of((21.9 - 1) / 1 * 100));
    // On 2026-11-20 S-8 is under way; against the mean of the two before, (21.9 + 1) / 2: (0 − 11.45) / 11.45 = −100 %.
    assertThat(SprintMetrics.velocityChange(sprints, items, t("2026-11-20T00:00:00Z"), 2)).isEqualTo(OptionalDouble.of(-100));
    assertThat(spark.velocityChange(t("2026-11-20T00:00:00Z"), 2).value()).isEqualTo(OptionalDouble.of(-100));
    // On 2026-10-25 only S-6 has started: no earlier sprint. Before any sprint: none at all.
    for (String at : List.of("2026-10-25T00:00:00Z", "2026-10-01T00:00:00Z")) {
      assertThat(SprintMetrics.velocityChange(sprints, items, t(at), 3)).isEmpty();
      assertThat(spark.velocityChange(t(at), 3).value()).isEmpty();
    }
  }

  private static List<SprintItem> carry(String... ids) {
    List<String> wanted = List.of(ids);
    return items.stream().filter(i -> wanted.contains(i.itemId())).toList();
  }
}
