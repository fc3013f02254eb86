package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The radix sort by time gives the rows in the order of a stable comparator sort of their times. */
class TimeOrderTest {

  private static Deployment deploy(String id, Instant t) {
    return new Deployment(id, t, List.of(), DeployStatus.SUCCESS);
  }

  @Test
  void rowsOfOneTimeKeepTheirOrderAndNanosecondsCount() {
    Instant t = Instant.parse("2026-11-02T10:00:00Z");
    List<Deployment> rows = new ArrayList<>(List.of(deploy("c", t.plusNanos(1)), deploy("a", t), deploy("b", t),
        deploy("z", Instant.parse("1969-12-31T23:59:59.5Z")), deploy("d", t.minusNanos(1))));
    TimeOrder.sort(rows, RecordKind.DEPLOYMENTS);
    assertThat(rows).extracting(Deployment::deployId).containsExactly("z", "d", "a", "b", "c");
  }

  @Test
  void farTimesSortInWholeSecondsAndWithNanosecondsByComparison() {
    // A thousand years either side of 1970, whole seconds.
    List<Deployment> rows = new ArrayList<>(List.of(deploy("late", Instant.parse("3000-01-01T00:00:00Z")),
        deploy("now", Instant.parse("2026-01-01T00:00:00Z")), deploy("early", Instant.parse("1000-01-01T00:00:00Z"))));
    TimeOrder.sort(rows, RecordKind.DEPLOYMENTS);
    assertThat(rows).extracting(Deployment::deployId).containsExactly("early", "now", "late");
    // With a nanosecond part: the years 1000 and 3000 are beyond a long of nanoseconds, so the rows are compared.
    rows = new ArrayList<>(List.of(deploy("late", Instant.parse("3000-01-01T00:00:00.000000001Z")),
        deploy("now", Instant.parse("2026-01-01T00:00:00Z")), deploy("now too", Instant.parse("2026-01-01T00:00:00Z")),
        deploy("early", Instant.parse("1000-01-01T00:00:00Z"))));
    TimeOrder.sort(rows, RecordKind.DEPLOYMENTS);
    assertThat(rows).extracting(Deployment::deployId).containsExactly("early", "now", "now too", "late");
  }

  @Test
  void equalsAStableComparatorSortOnRandomTimes() {
    qt().withExamples(300).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      int n = random.nextInt(0, 3_000);
      // A few distinct half seconds (many ties); nanoseconds over centuries either side of 1970; whole seconds over
      // millennia; milliseconds and microseconds; sorted runs of whole seconds.
      int shape = random.nextInt(5);
      long base = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
      List<Deployment> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Instant t = switch (shape) {
          case 0 -> Instant.ofEpochSecond(base + random.nextInt(5), random.nextInt(3) * 500_000_000L);
          case 1 -> Instant.ofEpochSecond(random.nextLong(-9_000_000_000L, 9_000_000_000L), random.nextInt(1_000_000_000));
          case 2 -> Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 100_000_000_000L));
          case 3 -> Instant.ofEpochMilli(base * 1000 + random.nextInt(1_000_000)).plusNanos(random.nextInt(2) * 1000L);
          default -> Instant.ofEpochSecond(base + (i % 97) * 60L + i / 97, 0);
        };
        rows.add(deploy("d" + i, t));
      }
      List<Deployment> expected = new ArrayList<>(rows);
      expected.sort(Comparator.comparing(Deployment::timeCreated));
      TimeOrder.sort(rows, RecordKind.DEPLOYMENTS);
      assertThat(rows).containsExactlyElementsOf(expected);
    });
  }

  @Test
  void theOrderOfNanosecondTimesIsAStableSortOfThem() {
    qt().withExamples(300).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      int n = random.nextInt(0, 2_000);
      long[] nanos = new long[n + random.nextInt(3)]; // only the first n count
      int shape = random.nextInt(5);
      // Files appended one after another: 1 to 40 runs in time order (merged up to 32, radix sorted beyond), with the
      // same times in several runs.
      int runLength = Math.max(1, nanos.length / (1 + random.nextInt(40)));
      for (int i = 0; i < nanos.length; i++) {
        nanos[i] = switch (shape) {
          case 0 -> (1_700_000_000L + random.nextInt(4)) * 1_000_000_000L; // whole seconds, many ties
          case 1 -> random.nextLong(); // anywhere in a long, either side of 1970
          case 2 -> random.nextLong(-5_000_000L, 5_000_000L) * 1_000_000L; // milliseconds around 1970
          case 3 -> 1_700_000_000_000_000_000L + (i % runLength) * 1_000L * random.nextInt(1, 3); // sorted runs, ties
          default -> 1_700_000_000_000_000_000L + (i % 50) * 1_000L + random.nextInt(2); // sorted runs, nanoseconds
        };
      }
      if (shape == 3) {
        for (int from = 0; from < nanos.length; from += runLength) {
          java.util.Arrays.sort(nanos, from, Math.min(nanos.length, from + runLength));
        }
      }
      Integer[] expected = new Integer[n];
      for (int i = 0; i < n; i++) {
        expected[i] = i;
      }
      java.util.Arrays.sort(expected, Comparator.comparingLong(i -> nanos[i])); // stable: ties keep their order
      long[] before = nanos.clone();
      int[] order = TimeOrder.orderOfNanos(nanos, n);
      assertThat(order).containsExactly(java.util.Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
      assertThat(nanos).containsExactly(before); // the times are not changed
    });
  }
}
