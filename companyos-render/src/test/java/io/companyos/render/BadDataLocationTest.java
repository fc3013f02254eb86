package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.sources.files.FilesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad row of a strict files source reaches the pack with its location, as the CLI prints it. */
class BadDataLocationTest {
  @TempDir Path dir;

  @Test
  void theSectionIsNotAvailableWithTheLocatedReason() throws IOException {
    Files.writeString(dir.resolve("incidents.csv"), "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n"
        + "i1,2026-11-20T10:00:00Z,,P2,api,t,\ni2,2026-11-20T11:00:00Z,,P2,api,t,\ni3,2026-11-20T12:00:00Z,,P2,api,t,\n"
        + "i4,2026-11-20T13:00:00Z,,P2,api,t,\ni5,yesterday,,P2,api,t,\n"); // line 6
    FilesSource files = new FilesSource("warehouse", dir, true, Clock.systemUTC());
    PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of(files, SampleCompany.SOURCE));
    PackDocument doc = assembler.assemble(SampleCompany.COMPANY.pack("ops-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    assertThat(doc.section("incident_summary").orElseThrow().unavailableReason())
        .startsWith("incidents.csv:6: COS-SRC-003 time_created: 'yesterday' is not an ISO-8601 time with offset");
  }
}
