package io.companyos.connectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocatedJsonTest {

  private static LocatedJson parse(String text) throws Exception {
    return LocatedJson.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyValueKnowsItsLineAndColumn() throws Exception {
    LocatedJson root = parse("{\n  \"id\": 42,\n  \"fields\": {\"priority\": {\"name\": \"P1\"}}\n}");
    assertThat(root.line).isEqualTo(1);
    assertThat(root.column).isEqualTo(1);
    LocatedJson id = root.get("id");
    assertThat(id.line).isEqualTo(2);
    assertThat(id.column).isEqualTo(9);
    assertThat(id.scalar()).isEqualTo("42");
    assertThat(id.number()).isEqualByComparingTo(new BigDecimal("42"));
    LocatedJson name = root.path("fields.priority.name");
    assertThat(name.text()).isEqualTo("P1");
    assertThat(name.line).isEqualTo(3);
    assertThat(name.column).isEqualTo(35); // 2 spaces, "fields": { "priority": { "name": then the value
  }

  @Test
  void aMissingMemberIsPlacedAtTheObjectThatLacksIt() throws Exception {
    LocatedJson root = parse("[1,\n {\"a\": null}]");
    LocatedJson object = root.items().get(1);
    LocatedJson missing = object.get("b");
    assertThat(missing.type).isEqualTo(LocatedJson.Type.MISSING);
    assertThat(missing.isAbsent()).isTrue();
    assertThat(missing.line).isEqualTo(2);
    assertThat(missing.column).isEqualTo(2);
    assertThat(object.has("a")).isFalse();
    assertThat(missing.typeName()).isEqualTo("missing");
  }

  @Test
  void malformedInputIsLocated() {
    assertThatThrownBy(() -> parse("{\"a\": 1,\n  \"a\": 2}"))
        .isInstanceOfSatisfying(LocatedJson.Malformed.class, m -> {
          assertThat(m.line).isEqualTo(2);
          assertThat(m.getMessage()).contains("Duplicate field 'a'");
        });
    // An exponent beyond an int: located at the number, not a stack trace from the parser.
    assertThatThrownBy(() -> parse("[1,\n 1e55555555555555555555]"))
        .isInstanceOfSatisfying(LocatedJson.Malformed.class, m -> {
          assertThat(m.line).isEqualTo(2);
          assertThat(m.column).isEqualTo(2);
          assertThat(m.getMessage()).isEqualTo("not well-formed JSON: a number no decimal can hold (its exponent is too large)");
        });
    assertThatThrownBy(() -> parse("  "))
        .isInstanceOfSatisfying(LocatedJson.Malformed.class, m -> assertThat(m.getMessage()).isEqualTo("the file is empty"));
    assertThatThrownBy(() -> parse("{} []"))
        .isInstanceOfSatisfying(LocatedJson.Malformed.class, m -> {
          assertThat(m.getMessage()).isEqualTo("more content after the JSON document");
          assertThat(m.column).isEqualTo(4);
        });
  }

  @Test
  void hugeNumbersAreWrittenShortAsText() throws Exception {
    LocatedJson a = parse("[12, 1.50, 1e3, 1e999999999, 1e-999999999]");
    assertThat(a.items()).extracting(LocatedJson::scalar).containsExactly("12", "1.50", "1000", "1E+999999999", "1E-999999999");
  }

  @Test
  void locationsLeaveOutWhatIsUnknown() {
    assertThat(ExportProblem.location("a.json", 3, 7)).isEqualTo("a.json:3:7");
    assertThat(ExportProblem.location("a.json", 3, 0)).isEqualTo("a.json:3");
    assertThat(ExportProblem.location("a.json", 0, 0)).isEqualTo("a.json");
  }
}
