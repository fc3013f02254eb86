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
  private static final String HEADER = "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n";
  private static final String FOUR = "i1,2026-11-20T10:00:00Z,,P2,api,t,\ni2,2026-11-20T11:00:00Z,,P2,api,t,\n"
      + "i3,2026-11-20T12:00:00Z,,P2,api,t,\ni4,2026-11-20T13:00:00Z,,P2,api,t,\n";

  @TempDir Path dir;

  private PackDocument pack(String id, String incidents) throws IOException {
    Files.writeString(dir.resolve("incidents.csv"), incidents);
    FilesSource files = new FilesSource("warehouse", dir, true, Clock.systemUTC());
    PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of(files, SampleCompany.SOURCE));
    return assembler.assemble(SampleCompany.COMPANY.pack(id).orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
  }

  @Test
  void theSectionIsNotAvailableWithTheLocatedReason() throws IOException {
    PackDocument doc = pack("ops-review", HEADER + FOUR + "i5,yesterday,,P2,api,t,\n"); // line 6
    assertThat(doc.section("incident_summary").orElseThrow().unavailableReason())
        .startsWith("incidents.csv:6: COS-SRC-003 time_created: 'yesterday' is not an ISO-8601 time with offset");
    assertThat(doc.locatedProblems()).singleElement().asString()
        .startsWith("incidents.csv:6: COS-SRC-003 time_created: 'yesterday' is not an ISO-8601 time with offset");
  }

  @Test
  void aProblemOfTheWholeFileIsLocatedAtTheFile() throws IOException {
    PackDocument doc = pack("ops-review", "\n\n"); // blank lines, no header: a file without data
    assertThat(doc.section("incident_summary").orElseThrow().unavailableReason()).startsWith("incidents.csv: COS-SRC-003 ");
    assertThat(doc.locatedProblems()).singleElement().asString().startsWith("incidents.csv: COS-SRC-003 ");
  }

  @Test
  void everyPlaceThatNamesTheProblemNamesItsLocation() throws IOException {
    // The exec review reads incidents in its summary, its health dimensions and its sections: wherever the repeat
    // of i1 (line 6) is mentioned, the file, line and code come with it.
    PackDocument doc = pack("exec-review", HEADER + FOUR + "i1,2026-11-20T10:00:00Z,,P2,api,t,\n");
    String md = new PackRenderer().render(doc, PackFormat.MD);
    String message = "incident_id: 'i1' repeats the row on line 2";
    int mentions = md.split(java.util.regex.Pattern.quote(message), -1).length - 1;
    int located = md.split(java.util.regex.Pattern.quote("incidents.csv:6: COS-SRC-003 " + message), -1).length - 1;
    assertThat(mentions).as(md).isPositive().isEqualTo(located);
    assertThat(doc.locatedProblems()).containsExactly("incidents.csv:6: COS-SRC-003 " + message + "; ids must be unique");
  }

  @Test
  void aLocatedProblemIsPrintableOnATerminal() throws IOException {
    // A cell holding an escape sequence (ESC [2J clears the screen) is quoted in the reason: printed escaped.
    PackDocument doc = pack("ops-review", HEADER + FOUR + "i5,\u001b[2J,,P2,api,t,\n");
    assertThat(doc.locatedProblems()).singleElement().asString().startsWith("incidents.csv:6: COS-SRC-003 ")
        .contains("\\u001b[2J").doesNotContain("\u001b");
  }
}
