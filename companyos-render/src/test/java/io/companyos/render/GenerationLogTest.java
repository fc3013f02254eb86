package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationLogTest {

  @Test
  void badLinesAreSkippedWithALocatedWarningAndTheRestCounts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("generation-log.csv");
    Files.writeString(file, GenerationLog.HEADER + "\n"
        + "2026-11-23T08:00:00Z,ops-review,md,success,120,5,5,out.md,\n"
        + "last tuesday,ops-review,md,success,120,5,5,out.md,\n"
        + "2026-11-23T09:00:00Z,ops-review,md,exploded,120,5,5,out.md,\n"
        + "2026-11-23T10:00:00Z,ops-review\n"
        + "2026-11-23T11:00:00Z,ops-review,md,failure,80,0,5,,\"source down, n/a\"\n");
    List<String> warnings = new ArrayList<>();
    GenerationLog log = new GenerationLog(file, warnings::add);
    // Two readable lines: one success, one failure = 50 %.
    assertThat(log.successRatePercent()).isEqualTo(50.0);
    assertThat(log.latestStart()).contains(Instant.parse("2026-11-23T11:00:00Z"));
    assertThat(warnings).containsExactly(
        file + ":3: COS-RND-004 skipped a line of the generation log: 'last tuesday' is not a UTC time such as"
            + " 2026-11-23T10:00:00Z (fix or delete the line)",
        file + ":4: COS-RND-004 skipped a line of the generation log: 'exploded' is not a status (success, partial, failure)"
            + " (fix or delete the line)",
        file + ":5: COS-RND-004 skipped a line of the generation log: it has too few columns (fix or delete the line)");
    // Each bad line is reported once per log, however often it is read.
    log.successRatePercent();
    assertThat(warnings).hasSize(3);
  }
}
