package io.companyos.model.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.config.ConfigProblem;
import io.companyos.model.config.ProblemCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {
  private final ProblemSink sink = new ProblemSink("test.yaml");

  private Optional<YamlNode> read(YamlLimits limits, String yaml) {
    return new YamlTreeReader(limits).read(yaml, sink);
  }

  @Test
  void nodesKnowWhereTheyStart() {
    YamlNode root = read(YamlLimits.DEFAULT, "name: x\nsections:\n  - type: deploys\n").orElseThrow();
    YamlNode.Mapping m = (YamlNode.Mapping) root;
    assertThat(m.entry("sections").keyMark()).isEqualTo(new Mark(2, 1));
    YamlNode.Sequence s = (YamlNode.Sequence) m.entry("sections").value();
    YamlNode.Mapping first = (YamlNode.Mapping) s.items().get(0);
    // "  - type: deploys": the value starts after "  - type: ", at column 11.
    assertThat(first.entry("type").value().mark()).isEqualTo(new Mark(3, 11));
    assertThat(sink.isClean()).isTrue();
  }

  @Test
  void aliasesShareTheAnchoredNodeAndCountItsWeight() {
    YamlNode root = read(YamlLimits.DEFAULT, "a: &x [1, 2]\nb: *x\n").orElseThrow();
    YamlNode.Mapping m = (YamlNode.Mapping) root;
    assertThat(m.entry("b").value()).isSameAs(m.entry("a").value());
    // mapping 1 + list (1 + 2 items) twice = 1 + 3 + 3 = 7
    assertThat(root.weight()).isEqualTo(7);
  }

  @Test
  void aliasExpansionBeyondTheLimitStops() {
    // 4 + 4 * 4... : a = 1 + 3 = 4 nodes, b = 1 + 3 * 4 = 13 > 10.
    assertThat(read(new YamlLimits(1000, 10, 10), "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n")).isEmpty();
    assertThat(sink.problems()).extracting(ConfigProblem::code).containsExactly(ProblemCode.ALIAS_LIMIT);
  }

  @Test
  void documentsLargerThanTheLimitAreNotParsed() {
    assertThat(read(new YamlLimits(10, 10, 100), "name: twelve chars")).isEmpty();
    assertThat(sink.problems().get(0).code()).isEqualTo(ProblemCode.TOO_LARGE);
    assertThat(sink.problems().get(0).line()).isZero();
  }

  @Test
  void nestingDeeperThanTheLimitStops() {
    assertThat(read(new YamlLimits(1000, 3, 100), "a: [[[[1]]]]")).isEmpty();
    assertThat(sink.problems().get(0).code()).isEqualTo(ProblemCode.TOO_DEEP);
  }

  @Test
  void duplicateKeysAreReportedWithBothLinesAndReadingGoesOn() {
    YamlNode root = read(YamlLimits.DEFAULT, "a: 1\nb: 2\na: 3\nc: 4\n").orElseThrow();
    assertThat(((YamlNode.Mapping) root).entries()).containsOnlyKeys("a", "b", "c");
    ConfigProblem p = sink.problems().get(0);
    assertThat(p.code()).isEqualTo(ProblemCode.DUPLICATE_KEY);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.hint()).contains("line 1");
  }

  @Test
  void aliasToAnUndefinedAnchorIsReported() {
    read(YamlLimits.DEFAULT, "a: *nowhere\n");
    assertThat(sink.problems()).extracting(ConfigProblem::code).containsExactly(ProblemCode.UNKNOWN_ALIAS);
  }

  @Test
  void typeTagsNeverInstantiateClasses() {
    YamlNode root = read(YamlLimits.DEFAULT, "a: !!java.net.URL [\"http://example.com\"]\n").orElseThrow();
    assertThat(((YamlNode.Mapping) root).entry("a").value()).isInstanceOf(YamlNode.Sequence.class);
  }

  @Test
  void emptyInputIsAnEmptyDocument() {
    assertThat(read(YamlLimits.DEFAULT, "# only a comment\n")).isEmpty();
    assertThat(sink.problems().get(0).code()).isEqualTo(ProblemCode.EMPTY_DOCUMENT);
  }
}
