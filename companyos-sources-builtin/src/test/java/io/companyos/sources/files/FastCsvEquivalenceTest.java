package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.generators.SourceDSL;

/** The byte reader ({@link CsvReader}) finds exactly the records, lines and errors of the FastCSV-based reader it replaced. */
class FastCsvEquivalenceTest {
  static List<String> readBytes(byte[] text, int buffer) throws IOException {
    List<String> out = new ArrayList<>();
    try (CsvReader csv = new CsvReader(new ByteArrayInputStream(text), buffer)) {
      for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
        out.add(r.line() + "|" + String.join("|", r.fields()));
      }
    } catch (CsvReader.SyntaxError e) {
      out.add("error at " + e.line + ": " + e.getMessage());
    }
    return out;
  }

  /** What the FastCSV-based reader sees, as {@link #readBytes} reports it. */
  static List<String> readChars(String text) throws IOException {
    return CsvReaderEquivalenceTest.readNew(text);
  }

  static void assertSame(String doc) throws IOException {
    List<String> expected = readChars(doc);
    byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
    for (int buffer : new int[] {16, 17, 31, 1 << 16}) {
      assertThat(readBytes(bytes, buffer)).as("buffer %d: %s", buffer, doc.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(expected);
    }
  }

  @Test
  void everyFileOfTheSampleExportReadsIdentically(@TempDir Path dir) throws IOException {
    MetricSource sample = new SampleSourceProvider().create(
        SourceContext.of("sample", Map.of(), Clock.fixed(CsvReaderEquivalenceTest.NOW, ZoneOffset.UTC), dir));
    List<Path> files = FilesWriter.export(sample, TimeWindow.ending(CsvReaderEquivalenceTest.NOW, Duration.ofDays(400)), dir);
    long records = 0;
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      List<String> expected = CsvReaderEquivalenceTest.readNew(text);
      assertThat(readBytes(Files.readAllBytes(f), 1 << 16)).as(f.getFileName().toString()).isEqualTo(expected);
      records += expected.size();
    }
    assertThat(records).isGreaterThan(10_000);
  }

  @Test
  void edgeCasesReadIdentically() throws IOException {
    for (String doc : List.of("", "\n", "\r\n\r\n", "a", "\"\"", "\"\"\n", ",", "\"a\"\"", "\"a\"\"\"", "a,\"", "\"\r", "\"\r\n",
        "\uFEFFa,b\r\n1,2\r\n", "a,b\n\n\r\n1,2\n\n", "a,b\n\"x\ny\",2\n3,4", "a,b\r\n\"x\r\ny\",2\r\n\"p\rq\",3\r\n",
        "a\n\"say \"\"hi\"\"\"\n", "a,b,c\n1,,\n,\n1,2,3,4\n", "a\nab\"c\n", "a,b\r1,2\r3,4\r", "a, \"b\" ,c\n",
        "a\n\"open\nnever closed\n", "a,b\n1,\"x\"y\n", "a,b\n\"x\ny\"z,1\n", "é,\"ü\nö\",\uD83D\uDE00\n",
        "a,b\n\"0123456789abcdefghij\",\"k\r\nl\"\r\n", "0123456789abcdefghijklmnopqrstuvwxyz,1\r\n2,3")) {
      assertSame(doc);
    }
  }

  @Test
  void randomDocumentsReadIdentically() {
    qt().withExamples(3000).forAll(CsvReaderEquivalenceTest.documents()).checkAssert(doc -> {
      try {
        assertSame(doc);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void randomTextReadsIdentically() {
    // Not only well-formed documents: any mix of separators, quotes, line ends and letters.
    qt().withExamples(3000).forAll(SourceDSL.lists().of(org.quicktheories.generators.Generate.pick(
        List.of("a", "\"", ",", "\n", "\r", " ", "é"))).ofSizeBetween(0, 40)).checkAssert(parts -> {
          try {
            assertSame(String.join("", parts));
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedAsTheDecodingReaderRefusesThem() {
    byte[] bad = {'a', ',', 'b', '\n', '1', ',', (byte) 0xC3, (byte) 0x28, '\n'};
    assertThatThrownBy(() -> readBytes(bad, 1 << 16)).isInstanceOf(CharacterCodingException.class);
    byte[] badQuoted = {'a', '\n', '"', (byte) 0xFF, '"', '\n'};
    assertThatThrownBy(() -> readBytes(badQuoted, 16)).isInstanceOf(CharacterCodingException.class);
  }
}
