package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV layer's way back: any rows written by {@link CsvWriter} read back through {@link CsvReader} as the same
 * fields (line breaks inside a field as {@code \n}; a row of one empty field, a blank line, skipped). A class of its
 * own because Jazzer fuzzes one {@code @FuzzTest} per test JVM ({@link CsvReaderFuzzTest} reads any text). In
 * {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/sources/files/CsvWriterRoundTripFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class CsvWriterRoundTripFuzzTest {
  @FuzzTest(maxDuration = "3m")
  void writtenRowsReadBackAsTheSameFields(FuzzedDataProvider data) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    int count = data.consumeInt(0, 20);
    for (int i = 0; i < count; i++) {
      int width = data.consumeInt(1, 8);
      List<String> row = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        row.add(data.consumeString(40));
      }
      rows.add(row);
    }
    StringWriter out = new StringWriter();
    CsvWriter writer = new CsvWriter(out);
    for (List<String> row : rows) {
      writer.row(row);
    }
    // What the reader promises: line breaks inside fields read as \n, and a row of one empty field (a blank line) is
    // skipped.
    List<List<String>> expected = new ArrayList<>();
    for (List<String> row : rows) {
      if (!(row.size() == 1 && row.get(0).isEmpty())) {
        expected.add(row.stream().map(f -> f.replace("\r\n", "\n").replace('\r', '\n')).toList());
      }
    }
    List<List<String>> read = new ArrayList<>();
    try (CsvReader csv = new CsvReader(new java.io.ByteArrayInputStream(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
      for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
        read.add(r.fields());
      }
    }
    assertThat(read).as(out.toString()).isEqualTo(expected);
  }
}
