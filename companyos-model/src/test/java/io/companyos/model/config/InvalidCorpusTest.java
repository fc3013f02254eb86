package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code src/test/resources/invalid/} is a broken definition whose first line
 * states the problem it must produce: {@code # expect: COS-YAML-NNN line N} (line 0 means "the
 * whole file"). The lines were counted by hand in each file.
 */
class InvalidCorpusTest {
  private static final Pattern EXPECT = Pattern.compile("# expect: (COS-YAML-\\d{3}) line (\\d+)");

  static Stream<Path> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(Objects.requireNonNull(InvalidCorpusTest.class.getResource("/invalid")).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void theCorpusHasAtLeastThirtyFilesCoveringMostCodes() throws Exception {
    List<Path> files = corpus().toList();
    assertThat(files).hasSizeGreaterThanOrEqualTo(30);
    long codes = files.stream().map(InvalidCorpusTest::expectation).map(e -> e.group(1)).distinct().count();
    assertThat(codes).isGreaterThanOrEqualTo(24);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachFileReportsItsCodeAtItsLine(Path file) {
    Matcher expected = expectation(file);
    String code = expected.group(1);
    int line = Integer.parseInt(expected.group(2));

    List<ConfigProblem> problems = new DefinitionLoader().validate(List.of(file));

    assertThat(problems)
        .as("problems of %s", file.getFileName())
        .anySatisfy(p -> {
          assertThat(p.code().code()).isEqualTo(code);
          assertThat(p.file()).isEqualTo(file.toString());
          assertThat(p.line()).isEqualTo(line);
        });
  }

  private static Matcher expectation(Path file) {
    try {
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
      Matcher m = EXPECT.matcher(first);
      assertThat(m.matches()).as("first line of %s", file).isTrue();
      return m;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
