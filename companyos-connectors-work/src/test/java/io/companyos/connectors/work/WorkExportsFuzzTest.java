package io.companyos.connectors.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whatever bytes a Jira page holds, reading it gives sprints and sprint items, or a {@link WorkExportException} located
 * in that file with a {@code COS-JIRA} code (strict), or the file listed as skipped with its location (lenient); never
 * another exception. The last byte picks the file name and the mode, the rest is the file. In {@code mvn verify} this
 * replays the inputs in the test resources' {@code WorkExportsFuzzTestInputs/} folder beside this class's package; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class WorkExportsFuzzTest {
  private static final String[] NAMES = {"sprints.json", "issues.json"};
  /** Every instant a time field can hold, so that each item's sprint is served too. */
  private static final TimeWindow EVER = new TimeWindow(Instant.MIN, Instant.MAX);

  @FuzzTest(maxDuration = "3m")
  void anyPageGivesSprintsOrALocatedError(FuzzedDataProvider data) throws IOException {
    int pick = data.consumeInt(0, 2 * NAMES.length - 1);
    String name = NAMES[pick % NAMES.length];
    boolean strict = pick >= NAMES.length;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Files.write(dir.resolve(name), bytes);
      WorkExportsSource source = Fixtures.source(dir, strict ? "strict" : "lenient", Map.of("escaped_label", "escaped"));
      try {
        List<Sprint> sprints = source.records(RecordKind.SPRINTS, EVER).rows();
        assertThat(sprints).allSatisfy(s -> assertThat(s.end()).isAfterOrEqualTo(s.start()));
        List<String> ids = sprints.stream().map(Sprint::sprintId).toList();
        List<SprintItem> items = source.records(RecordKind.SPRINT_ITEMS, EVER).rows();
        assertThat(items).allSatisfy(i -> {
          assertThat(i.points()).isNotNegative();
          assertThat(i.kind()).isIn("story", "task", "bug");
          assertThat(ids).contains(i.sprintId());
        });
        assertThat(source.skipped()).allSatisfy(s -> {
          assertThat(s.file()).isEqualTo(name);
          assertThat(s.code()).startsWith("COS-JIRA-");
          assertThat(s.line()).isNotNegative();
        });
      } catch (WorkExportException e) {
        assertThat(strict).as(e.oneLine()).isTrue();
        assertThat(e.code()).startsWith("COS-JIRA-");
        assertThat(e.location()).as(e.oneLine()).startsWith(name);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }
}
