package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;

/**
 * The CSV layer on its own, below the record kinds of {@link FilesRecordsFuzzTest}. Any text reads as records with
 * increasing line numbers within the text, or as a syntax error on one of its lines; never another
 * exception ({@link CsvWriterRoundTripFuzzTest} checks the way back); and the files source's byte reader ({@link CsvReader}) reads it identically. In {@code mvn verify} this replays
 * the inputs under {@code src/test/resources/io/companyos/sources/files/CsvReaderFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class CsvReaderFuzzTest {
  @FuzzTest(maxDuration = "3m")
  void anyTextReadsAsRecordsOrALocatedSyntaxError(FuzzedDataProvider data) throws IOException {
    String text = data.consumeRemainingAsString();
    long lines = text.chars().filter(c -> c == '\n').count() + text.chars().filter(c -> c == '\r').count() + 1;
    long last = 0;
    try (FastCsvReader csv = new FastCsvReader(new StringReader(text))) {
      for (FastCsvReader.Record r = csv.next(); r != null; r = csv.next()) {
        assertThat(r.line()).isGreaterThan(last).isLessThanOrEqualTo(lines);
        assertThat(r.fields()).isNotEmpty().doesNotContainNull();
        last = r.line();
      }
    } catch (FastCsvReader.SyntaxError e) {
      assertThat(e.line).isBetween(1L, lines);
      assertThat(e.getMessage()).isNotBlank();
    }
    // The byte reader of the files source reads the same records, lines and errors, whatever its buffer size.
    // (A lone surrogate has no UTF-8 form; the bytes hold '?' for it, so the reference reads the same text back.)
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.util.List<String> expected = FastCsvEquivalenceTest.readChars(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(FastCsvEquivalenceTest.readBytes(bytes, 16)).isEqualTo(expected);
    assertThat(FastCsvEquivalenceTest.readBytes(bytes, 1 << 16)).isEqualTo(expected);
  }
}
