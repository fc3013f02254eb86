package io.companyos.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.config.ConfigException;
import io.companyos.model.config.ConfigProblem;
import io.companyos.model.config.DefinitionLoader;
import io.companyos.model.slo.specs.SloSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text files are strict UTF-8: the first bad byte is located by offset, line and column, never "Input length = 1". */
class TextFilesTest {
  @TempDir Path dir;

  /** "a: 1\nb: caf" then 0xE9 (Latin-1 "é"), then "\n". */
  private static final byte[] LATIN1 = latin1();

  private static byte[] latin1() {
    byte[] head = "a: 1\nb: caf".getBytes(StandardCharsets.US_ASCII);
    byte[] b = new byte[head.length + 2];
    System.arraycopy(head, 0, b, 0, head.length);
    b[head.length] = (byte) 0xE9;
    b[head.length + 1] = '\n';
    return b;
  }

  @Test
  void theFirstBadByteIsLocatedByLineAndColumn() {
    // Line 1 "a: 1\n" is 5 bytes; "b: caf" 6 more: the bad byte is at offset 11, line 2, column 7.
    assertThatThrownBy(() -> TextFiles.decode(LATIN1)).isInstanceOfSatisfying(TextFiles.NotUtf8.class, e -> {
      assertThat(e.offset()).isEqualTo(11);
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(7);
      assertThat(e.location("x.yaml")).isEqualTo("x.yaml:2:7");
      assertThat(e.getMessage()).isEqualTo("the file is not UTF-8 text: byte 0xE9 at offset 11 (line 2) is not valid UTF-8");
    });
  }

  @Test
  void aByteOrderMarkIsDroppedAndUtf8IsRead() throws Exception {
    Path f = dir.resolve("bom.txt");
    Files.write(f, "\uFEFFcafé\n".getBytes(StandardCharsets.UTF_8));
    assertThat(TextFiles.readUtf8(f)).isEqualTo("café\n");
  }

  @Test
  void aHealthChecksFileThatIsNotUtf8IsALocatedConfigProblem() throws Exception {
    Path f = Files.write(dir.resolve("health-checks.yaml"), LATIN1);
    assertThatThrownBy(() -> new DefinitionLoader().loadHealthChecks(f)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.oneLine()).isEqualTo(f + ":2:7: COS-YAML-025 the file is not UTF-8 text: byte 0xE9 at offset 11"
            + " (line 2) is not valid UTF-8 (save it as UTF-8)"));
  }

  @Test
  void aSourcesFileThatIsNotUtf8IsALocatedConfigProblem() throws Exception {
    Path f = Files.write(dir.resolve("sources.yaml"), LATIN1);
    assertThatThrownBy(() -> new DefinitionLoader().loadSources(f)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.problems()).extracting(ConfigProblem::location).containsExactly(f + ":2:7"));
  }

  @Test
  void anSloFileThatIsNotUtf8IsALocatedConfigProblem() throws Exception {
    Path f = Files.write(dir.resolve("api.yaml"), LATIN1);
    assertThatThrownBy(() -> SloSpecs.read(List.of(f))).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.problems()).extracting(ConfigProblem::location).containsExactly(f + ":2:7");
      assertThat(e.getMessage()).startsWith("the file is not UTF-8 text: byte 0xE9").doesNotContain("Input length");
    });
  }
}
