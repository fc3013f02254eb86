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
  void exportKeepsTheAccountsThatStartedBeforeTheGeneratedHistory() throws IOException {
    assertThat(MainTest.run("sample", "export", dir.toString()).code()).isZero();
    java.util.List<String> accounts = Files.readAllLines(dir.resolve("accounts.csv"));
    java.util.Set<String> ids = accounts.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).collect(java.util.stream.Collectors.toSet());
    // Every account an ARR movement names is exported (before, 40 of them were missing).
    java.util.List<String> movements = Files.readAllLines(dir.resolve("arr_movements.csv"));
    int account = java.util.Arrays.asList(movements.get(0).split(",")).indexOf("account_id");
    assertThat(movements.stream().skip(1).map(l -> l.split(",")[account]).distinct()).allMatch(ids::contains);
    // Some exported accounts started more than the 460 generated days before the as-of.
    int since = java.util.Arrays.asList(accounts.get(0).split(",")).indexOf("since");
    java.time.Instant historyStart = java.time.Instant.parse("2026-11-23T09:00:00Z").minus(java.time.Duration.ofDays(461));
    assertThat(accounts.stream().skip(1).map(l -> java.time.Instant.parse(l.split(",")[since]))).anyMatch(t -> t.isBefore(historyStart));
  }

  @Test
  void exportWithoutADirectoryIsAUsageError() {
    assertThat(MainTest.run("sample", "export").code()).isEqualTo(Main.EXIT_USAGE);
  }
}
