package io.companyos.connectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ExportReadingTest {

  /** A connector's error, as each connector has one with its own codes. */
  static final class TestExportException extends LocatedExportException {
    private static final long serialVersionUID = 1L;

    TestExportException(String code, String sourceId, String file, int line, int column, String message, @Nullable String hint) {
      super(code, sourceId, file, line, column, message, hint);
    }
  }

  @TempDir
  Path dir;

  /** Three exports: a good one, one with a bad second entry, one that is not JSON. */
  private List<Path> exports() throws IOException {
    write("a.json", "[{\"id\": 1}, {\"id\": 2}]");
    write("b.json", "[{\"id\": 3},\n {\"nope\": 4}]");
    write("c.json", "[{\"id\": 5},\n  oops]");
    return ExportFiles.list("test", dir, ".json");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Reads each entry's id into {@code ids}; an entry without one is a problem of code COS-TEST-002. */
  private static String readIds(Path file, ExportReading.FileEntries entries, List<String> ids)
      throws IOException, LocatedJson.Malformed {
    try (InputStream in = Files.newInputStream(file)) {
      LocatedJson root = LocatedJson.parse(in);
      for (LocatedJson item : root.items()) {
        entries.each(item, j -> {
          if (!j.has("id")) {
            throw new ExportProblem("COS-TEST-002", j, "entry has no id", null);
          }
          ids.add(entries.name() + "#" + j.get("id").scalar());
        });
      }
    }
    return "test list";
  }

  @Test
  void strictModeFailsWithTheFirstBadEntryLocatedInTheConnectorsError() throws IOException {
    List<Path> files = exports();
    ExportReading reading = new ExportReading("src", dir, true, TestExportException::new);
    List<String> ids = new ArrayList<>();

    assertThatThrownBy(() -> reading.eachFile(files, "COS-TEST-001", "fix the file", (f, e) -> readIds(f, e, ids)))
        .isInstanceOfSatisfying(TestExportException.class, e -> {
          assertThat(e.code()).isEqualTo("COS-TEST-002");
          assertThat(e.sourceId()).isEqualTo("src");
          assertThat(e.location()).isEqualTo("b.json:2:2");
          assertThat(e.getMessage()).isEqualTo("entry has no id");
          assertThat(e.hint()).isEqualTo("fix it, or set 'mode: lenient' to skip it and report it");
        });
    assertThat(ids).containsExactly("a.json#1", "a.json#2", "b.json#3");
  }

  @Test
  void strictModeKeepsTheReadersHintAndNamesLenientMode() {
    ExportReading reading = new ExportReading("src", dir, true, TestExportException::new);

    assertThatThrownBy(() -> reading.fail("x.csv", new ExportProblem("COS-TEST-003", 4, 0, "bad total", "sum the lines")))
        .isInstanceOfSatisfying(TestExportException.class, e -> {
          assertThat(e.location()).isEqualTo("x.csv:4");
          assertThat(e.hint()).isEqualTo("sum the lines; or set 'mode: lenient' to skip it and report it");
        });
  }

  @Test
  void lenientModeSkipsBadEntriesAndFilesAndCountsThemInTheQuery() throws IOException {
    List<Path> files = exports();
    ExportReading reading = new ExportReading("src", dir, false, TestExportException::new);
    List<String> ids = new ArrayList<>();

    reading.eachFile(files, "COS-TEST-001", "fix the file", (f, e) -> readIds(f, e, ids));

    assertThat(ids).containsExactly("a.json#1", "a.json#2", "b.json#3");
    assertThat(reading.skipped()).extracting(Object::toString).containsExactly(
        "b.json:2:2: COS-TEST-002 entry has no id",
        // the parser places an unrecognised token's error where the token ends
        "c.json:2:8: COS-TEST-001 not well-formed JSON: Unrecognized token 'oops': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    assertThat(reading.query("no exports in " + dir.getFileName(), List.of("3 ids"), "test exports",
        LoggerFactory.getLogger(ExportReadingTest.class)))
        .isEqualTo("a.json (test list), b.json (test list), c.json (not read); 3 ids; 2 bad entries skipped");
  }

  @Test
  void aFileThatFailsAfterSkippingEntriesIsLeftOutWithThem() throws IOException {
    write("d.json", "[{\"nope\": 1}, {\"id\": 2}]");
    ExportReading reading = new ExportReading("src", dir, false, TestExportException::new);

    reading.eachFile(ExportFiles.list("src", dir, ".json"), "COS-TEST-001", "fix the file", (f, e) -> {
      readIds(f, e, new ArrayList<>());
      throw new ExportProblem("COS-TEST-004", 0, 0, "the list is cut short", null);
    });

    assertThat(reading.skipped()).extracting(Object::toString).containsExactly("d.json: COS-TEST-004 the list is cut short");
    assertThat(reading.query("none", List.of(), "test exports", LoggerFactory.getLogger(ExportReadingTest.class)))
        .isEqualTo("d.json (not read); 1 bad entry skipped");
  }

  @Test
  void nothingReadSaysSo() {
    ExportReading reading = new ExportReading("src", dir, true, TestExportException::new);

    reading.eachFile(List.of(), "COS-TEST-001", "fix the file", (f, e) -> "never");

    assertThat(reading.query("no exports in empty", List.of(), "test exports", LoggerFactory.getLogger(ExportReadingTest.class)))
        .isEqualTo("no exports in empty");
  }

  @Test
  void aSkippedInputIsWrittenLikeAnError() {
    assertThat(new SkippedInput("pulls.json", 4, 52, "COS-GIT-004", "state 'reopened' is none of open, closed"))
        .hasToString("pulls.json:4:52: COS-GIT-004 state 'reopened' is none of open, closed");
    assertThat(new SkippedInput("costs.csv", 7, 0, "COS-COST-003", "no BilledCost")).hasToString("costs.csv:7: COS-COST-003 no BilledCost");
    assertThat(SkippedInput.of("a.zip", new ExportProblem("COS-PRODUCT-001", 0, 0, "not a zip archive", "download it again")))
        .isEqualTo(new SkippedInput("a.zip", 0, 0, "COS-PRODUCT-001", "not a zip archive"));
  }
}
