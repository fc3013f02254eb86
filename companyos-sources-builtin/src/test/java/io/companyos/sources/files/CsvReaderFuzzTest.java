package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;

/**
 * The CSV layer on its own, below the record kinds of {@link FilesRecordsFuzzTest}. Any text reads as records with
 * increasing line numbers within the text, or as a {@link CsvReader.SyntaxError} on one of its lines; never another
 * exception ({@link CsvWriterRoundTripFuzzTest} checks the way back). In {@code mvn verify} this replays
 * the inputs under {@code src/test/resources/io/companyos/sources/files/CsvReaderFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class CsvReaderFuzzTest {
  @FuzzTest(maxDuration = "3m")
  void anyTextReadsAsRecordsOrALocatedSyntaxError(FuzzedDataProvider data) throws IOException {
    String text = data.consumeRemainingAsString();
    long lines = text.chars().filter(c -> c == '\n').count() + text.chars().filter(c -> c == '\r').count() + 1;
    long last = 0;
    try (CsvReader csv = new CsvReader(new StringReader(text))) {
      for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
        assertThat(r.line()).isGreaterThan(last).isLessThanOrEqualTo(lines);
        assertThat(r.fields()).isNotEmpty().doesNotContainNull();
        last = r.line();
      }
    } catch (CsvReader.SyntaxError e) {
      assertThat(e.line).isBetween(1L, lines);
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
