package io.companyos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Change;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FilesSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FourKeysDataTest {
  private static final TimeWindow ALL = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));

  @Test
  void sameSeedAndScaleGiveTheSameBytesAndTheFilesSourceReadsThem(@TempDir Path tmp) throws Exception {
    FourKeysData.Counts a = FourKeysData.write(tmp.resolve("a"), 0.0004);
    FourKeysData.Counts b = FourKeysData.write(tmp.resolve("b"), 0.0004);
    assertThat(a).isEqualTo(b);
    for (String f : List.of("changes.csv", "deployments.csv", "incidents.csv")) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
    // 2,500,000 x 0.0004 deployments, 99,000 x 0.0004 = 39.6 -> 40 incidents.
    assertThat(a.deployments()).isEqualTo(1000);
    assertThat(a.incidents()).isEqualTo(40);

    FilesSource source = new FilesSource("bench", tmp.resolve("a"), true, Clock.systemUTC());
    List<Change> changes = source.records(RecordKind.CHANGES, ALL).rows();
    List<Deployment> deployments = source.records(RecordKind.DEPLOYMENTS, ALL).rows();
    List<Incident> incidents = source.records(RecordKind.INCIDENTS, ALL).rows();
    assertThat(changes).hasSize((int) a.changes());
    assertThat(deployments).hasSize(1000);
    assertThat(incidents).hasSize(40);
    // 1 to 7 new changes per deployment, 4 on average.
    assertThat(a.changes()).isBetween(3000L, 5000L);
    assertThat(deployments).allSatisfy(d -> assertThat(d.timeCreated()).isBetween(FourKeysData.START, FourKeysData.END));
    assertThat(changes.stream().map(Change::changeId).distinct().count()).isEqualTo(a.changes());
  }
}
