package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/data-formats.md documents every file and every column the code reads. */
class DataFormatsDocTest {
  @Test
  void everyFileAndColumnIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "data-formats.md"));
    for (FileFormat<?> f : FileFormats.all()) {
      int at = doc.indexOf("## `" + f.fileName() + "`");
      assertThat(at).as(f.fileName()).isNotNegative();
      int end = doc.indexOf("\n## ", at + 1);
      String section = doc.substring(at, end < 0 ? doc.length() : end);
      for (String c : f.columns()) {
        String required = f.optional().contains(c) ? "no" : "yes";
        assertThat(section).as(f.fileName() + " " + c).contains("| `" + c + "` |").containsPattern("\\| `" + c + "` \\|[^|]*\\| " + required + " \\|");
      }
    }
  }
}
