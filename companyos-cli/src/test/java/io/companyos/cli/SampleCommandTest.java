package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
  @TempDir Path dir;

  @Test
  void exportWritesOneCsvPerRecordKindWithTheDocumentedHeaders() throws IOException {
    MainTest.Result r = MainTest.run("sample", "export", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("wrote 23 files to " + dir);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).hasSize(23).contains("incidents.csv", "costs.csv", "metrics.csv");
    }
    assertThat(Files.readAllLines(dir.resolve("incidents.csv")).get(0))
        .isEqualTo("incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy");
    assertThat(Files.readAllLines(dir.resolve("deployments.csv")).get(0)).isEqualTo("deploy_id,time_created,changes,status");
    assertThat(Files.readAllLines(dir.resolve("changes.csv")).get(0)).isEqualTo("change_id,time_created");
    assertThat(Files.readAllLines(dir.resolve("metrics.csv")).get(0)).isEqualTo("timestamp,metric,labels,value");
    assertThat(Files.readAllLines(dir.resolve("costs.csv")).get(0)).startsWith("ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ServiceName");
  }

  @Test
  void exportWithoutADirectoryIsAUsageError() {
    assertThat(MainTest.run("sample", "export").code()).isEqualTo(Main.EXIT_USAGE);
  }
}
