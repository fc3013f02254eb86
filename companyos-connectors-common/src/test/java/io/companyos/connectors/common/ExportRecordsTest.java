package io.companyos.connectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.UnsupportedQueryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExportRecordsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static ExportRecords.Read<List<Incident>> twoIncidents() {
    List<Incident> rows = List.of(
        new Incident("INC-1", Instant.parse("2026-11-02T10:00:00Z"), Instant.parse("2026-11-02T11:00:00Z"), "SEV1", "api", "down", null),
        new Incident("INC-2", Instant.parse("2026-11-20T10:00:00Z"), null, "SEV2", "web", "slow", null));
    return new ExportRecords.Read<>(rows, "incidents.json (test)", List.of(), null);
  }

  @Test
  void concurrentFirstQueriesSyncAndReadOnce() throws Exception {
    AtomicInteger syncs = new AtomicInteger();
    AtomicInteger reads = new AtomicInteger();
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    ExportRecords<List<Incident>> records = new ExportRecords<>("inc", CLOCK, () -> {
      syncs.incrementAndGet();
      order.add("sync");
    }, () -> {
      reads.incrementAndGet();
      order.add("read");
      return twoIncidents();
    });
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ExportRecords.Read<List<Incident>>>> got = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        got.add(pool.submit(() -> {
          start.await();
          return records.get();
        }));
      }
      start.countDown();
      ExportRecords.Read<List<Incident>> first = got.get(0).get(10, TimeUnit.SECONDS);
      for (Future<ExportRecords.Read<List<Incident>>> f : got) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(syncs).hasValue(1);
    assertThat(reads).hasValue(1);
    assertThat(order).containsExactly("sync", "read");
  }

  @Test
  void aFailedReadingIsTriedAgainOnTheNextQuery() {
    AtomicInteger reads = new AtomicInteger();
    ExportRecords<List<Incident>> records = new ExportRecords<>("inc", CLOCK, null, () -> {
      if (reads.incrementAndGet() == 1) {
        throw new IllegalStateException("first reading fails");
      }
      return twoIncidents();
    });

    assertThatThrownBy(records::get).hasMessage("first reading fails");
    assertThat(records.get().query()).isEqualTo("incidents.json (test)");
    assertThat(reads).hasValue(2);
  }

  @Test
  void recordsInTheWindowCarryTheReadingsProvenance() {
    ExportRecords<List<Incident>> records = new ExportRecords<>("inc", CLOCK, null, ExportRecordsTest::twoIncidents);
    TimeWindow november = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-15T00:00:00Z"));

    Dataset<Incident> d = records.records(RecordKind.INCIDENTS, november, List.of(RecordKind.INCIDENTS), rows -> rows);

    assertThat(d.rows()).extracting(Incident::incidentId).containsExactly("INC-1");
    assertThat(d.provenance().sourceId()).isEqualTo("inc");
    assertThat(d.provenance().query()).isEqualTo("incidents.json (test)");
    assertThat(d.provenance().fetchedAt()).isEqualTo(NOW);
    assertThat(d.provenance().window()).isEqualTo(november);
  }

  @Test
  void aKindTheSourceDoesNotServeIsRefusedBeforeReading() {
    AtomicInteger reads = new AtomicInteger();
    ExportRecords<List<Incident>> records = new ExportRecords<>("inc", CLOCK, null, () -> {
      reads.incrementAndGet();
      return twoIncidents();
    });
    TimeWindow any = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

    assertThatThrownBy(() -> records.records(RecordKind.COSTS, any, List.of(RecordKind.INCIDENTS), rows -> rows))
        .isInstanceOf(UnsupportedQueryException.class);
    assertThat(reads).hasValue(0);
  }

  @Test
  void aMissingFolderIsUnavailableUnlessAPullFillsIt() {
    Path missing = Path.of("no-such-folder-for-this-test");

    assertThatThrownBy(() -> new ExportRecords<>("inc", CLOCK, null, ExportRecordsTest::twoIncidents).requireExports(missing))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("no file or folder no-such-folder-for-this-test");
    new ExportRecords<>("inc", CLOCK, () -> { }, ExportRecordsTest::twoIncidents).requireExports(missing);
  }
}
