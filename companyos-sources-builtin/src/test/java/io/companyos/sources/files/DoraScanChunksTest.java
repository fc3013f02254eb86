package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte scanner of DoraScan on tiny files, and its chunks on two threads giving what one thread gives. */
class DoraScanChunksTest {
  @TempDir Path dir;

  private static final TimeWindow MARCH = new TimeWindow(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z"));

  private void write(String deployments, String changes) throws Exception {
    Files.writeString(dir.resolve("deployments.csv"), deployments);
    Files.writeString(dir.resolve("changes.csv"), changes);
  }

  @Test
  void quotedFieldsCrlfAndBomReadAsPlainOnes() throws Exception {
    // d1 ships c1 (created a day before) and c2 (created 12 h before); d0 is before the window and ships c3 first.
    write("\uFEFFdeploy_id,time_created,changes,status,note\r\n"
            + "d0,2025-02-27T00:00:00Z,c3,success,\"a, b\"\r\n"
            + "\"d1\",2025-03-02T00:00:00Z,\" c1 ;c2\",Failure,\"two\r\nlines and \"\"quotes\"\"\"\r\n"
            + "\r\n"
            + "d2,2025-03-03T00:00:00Z,c3,,\r\n",
        "change_id,time_created\nc1,2025-03-01T00:00:00Z\n\"c2\",2025-03-01T12:00:00Z\nc3,2025-02-20T00:00:00Z\n");
    for (int chunk : new int[] {1, 7, 16, 64, 1 << 20}) {
      for (int threads : new int[] {1, 2}) {
        DoraScan.Result r = DoraScan.scan(dir, MARCH, threads, chunk).orElseThrow();
        assertThat(r.deploymentsInWindow()).as("chunk %d", chunk).containsExactly(
            new Deployment("d1", Instant.parse("2025-03-02T00:00:00Z"), List.of(), DeployStatus.FAILURE),
            new Deployment("d2", Instant.parse("2025-03-03T00:00:00Z"), List.of(), DeployStatus.SUCCESS));
        assertThat(r.leadHours()).as("chunk %d", chunk).containsExactly(24.0, 12.0);
        assertThat(r.leadChangeIds()).containsExactly("c1", "c2");
        assertThat(r.deployIndex("d1")).isZero();
        assertThat(r.deployIndex("d2")).isEqualTo(1);
        assertThat(r.deployIndex("d0")).as("before the window").isEqualTo(-1);
        assertThat(r.deployIndex("c1")).as("not a deploy id").isEqualTo(-1);
      }
    }
  }

  @Test
  void aChunkCutInsideAQuotedLineBreakIsScannedAgainFromTheRecordStart() throws Exception {
    // Each note holds line breaks that look like whole rows, so a cut at any byte lands inside quotes somewhere.
    StringBuilder d = new StringBuilder("deploy_id,time_created,changes,status,note\n");
    StringBuilder c = new StringBuilder("change_id,time_created\n");
    for (int i = 0; i < 20; i++) {
      d.append("d").append(i).append(",2025-03-").append(String.format("%02d", 2 + i)).append("T00:00:00Z,c").append(i)
          .append(",success,\"x\nd99,2025-03-05T00:00:00Z,c99,failure\n\"\n");
      c.append("c").append(i).append(",2025-03-01T00:00:00Z\n");
    }
    write(d.toString(), c.toString());
    DoraScan.Result one = DoraScan.scan(dir, MARCH, 1, 1 << 20).orElseThrow();
    assertThat(one.deploymentsInWindow()).hasSize(20).allMatch(x -> x.status() == DeployStatus.SUCCESS);
    assertThat(one.leadHours()).hasSize(20).startsWith(24.0, 48.0);
    for (int chunk = 1; chunk < 90; chunk++) {
      DoraScan.Result two = DoraScan.scan(dir, MARCH, 2, chunk).orElseThrow();
      assertThat(two.deploymentsInWindow()).as("chunk %d", chunk).isEqualTo(one.deploymentsInWindow());
      assertThat(two.leadHours()).as("chunk %d", chunk).containsExactly(one.leadHours());
      assertThat(two.leadChangeIds()).as("chunk %d", chunk).isEqualTo(one.leadChangeIds());
    }
  }

  @Test
  void rowsTheRecordPathWouldReportLeaveTheScanOnAnyChunking() throws Exception {
    String changes = "change_id,time_created\nc1,2025-03-01T00:00:00Z\n";
    List<String> bad = List.of(
        "deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,c1,maybe\n", // unknown status
        "deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,c1,success\nd1,2025-03-03T00:00:00Z,c2,success\n", // repeated id
        "deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,\"c1,success\n", // quote left open
        "deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,\"c1\"x,success\n", // text after a closing quote
        "deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,c\"1,success\n", // quote inside a field
        "deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,\"c\"\"1\",success\n", // doubled quote in a used field
        "deploy_id,time_created,changes,status\nd\u00e9,2025-03-02T00:00:00Z,c1,success\n", // not ASCII
        "deploy_id,time_created,changes,status\nd1,2025-03-02 00:00:00Z,c1,success\n"); // bad time
    for (String deployments : bad) {
      write(deployments, changes);
      for (int chunk : new int[] {5, 40, 1 << 20}) {
        assertThat(DoraScan.scan(dir, MARCH, 2, chunk)).as(deployments + " / " + chunk).isEmpty();
      }
    }
    write("deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,c1,success\n",
        "change_id,time_created\nc1,2025-03-01T00:00:00Z\nc2,2025-03-01T00:00:00Z\nc2,2025-03-01T00:00:00Z\n"); // repeated unshipped id
    assertThat(DoraScan.scan(dir, MARCH, 2, 9)).isEmpty();
    write("deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,c1,success\n",
        "change_id,time_created\nc1,2025-03-01T00:00:00Z\nc1,2025-03-01T00:00:00Z\n"); // repeated shipped id
    assertThat(DoraScan.scan(dir, MARCH, 2, 9)).isEmpty();
    write("deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,c1,success\n",
        "change_id,time_created\nc1,2025-03-01T00:00:00Z\nc1,2025-05-01T00:00:00Z\n"); // the second is after the window end: skipped
    assertThat(DoraScan.scan(dir, MARCH, 2, 9).orElseThrow().leadHours()).containsExactly(24.0);
  }

  @Test
  void manyIdsAcrossPagesAndBothLanesKeepTheirFirstDeployment() throws Exception {
    // 50,000 deployments 50 s apart from March 1st; deployment i ships change-<i>-a and change-<i>-b, and ships
    // change-<i-1>-a again (a redeploy, later: its first deployment stays i-1). Every change is created exactly one hour
    // before its first deployment, so all 100,000 lead times are 1.0 h; a table that kept the later deployment would give
    // 1 h 50 s for the redeployed ones. The ids (about 3 MB with their records) fill many 256 KiB pages in each lane.
    int n = 50_000;
    Instant t0 = Instant.parse("2025-03-01T00:00:00Z");
    StringBuilder d = new StringBuilder("deploy_id,time_created,changes,status\n");
    StringBuilder c = new StringBuilder("change_id,time_created\n");
    List<String> expectedIds = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant at = t0.plusSeconds(50L * i);
      String a = String.format("change-%012d-a", i);
      String b = String.format("change-%012d-b", i);
      d.append("deploy-").append(i).append(',').append(at).append(',').append(a).append(';').append(b);
      if (i > 0) {
        d.append(';').append(String.format("change-%012d-a", i - 1));
      }
      d.append(",success\n");
      c.append(a).append(',').append(at.minusSeconds(3600)).append('\n');
      c.append(b).append(',').append(at.minusSeconds(3600)).append('\n');
      expectedIds.add(a);
      expectedIds.add(b);
    }
    write(d.toString(), c.toString());
    for (int threads : new int[] {1, 2}) {
      for (int chunk : new int[] {4096, 1 << 20}) {
        DoraScan.Result r = DoraScan.scan(dir, MARCH, threads, chunk).orElseThrow();
        assertThat(r.deploymentsInWindow()).hasSize(n);
        for (int i = 0; i < n; i++) { // each deployment found again by its id, across parts and lanes
          assertThat(r.deployId(i)).isEqualTo("deploy-" + i);
          assertThat(r.deployIndex("deploy-" + i)).isEqualTo(i);
        }
        assertThat(r.leadHours()).as("threads %d, chunk %d", threads, chunk).hasSize(2 * n).containsOnly(1.0);
        assertThat(r.leadChangeIds()).isEqualTo(expectedIds);
      }
    }
  }

  @Test
  void aWindowEndingPastWhatAFirstDeploymentTimeHoldsLeavesTheScan() throws Exception {
    write("deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,c1,success\n", "change_id,time_created\nc1,2025-03-01T00:00:00Z\n");
    // 2^48 ms after 1970 is in the year 10889; the record path reads such a window.
    assertThat(DoraScan.scan(dir, new TimeWindow(MARCH.start(), Instant.ofEpochMilli(1L << 48)), 2, 1 << 20)).isEmpty();
    assertThat(DoraScan.scan(dir, MARCH, 2, 1 << 20).orElseThrow().leadHours()).containsExactly(24.0);
  }
}
