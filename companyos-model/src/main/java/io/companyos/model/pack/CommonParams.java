package io.companyos.model.pack;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters shared by many section types ({@code title}, {@code visible_to}, {@code lookback},
 * {@code compare_to}, {@code limit}), declared once so that every type spells them the same way.
 */
final class CommonParams {
  static final ParamSpec TITLE = ParamSpec.of(SectionSpec.TITLE, ParamType.STRING,
      "Heading shown instead of the section's default title.");
  static final ParamSpec VISIBLE_TO = ParamSpec.of(SectionSpec.VISIBLE_TO, ParamType.ROLE_LIST,
      "Role ids allowed to see the section; every recipient when absent.");

  private CommonParams() {}

  static ParamSpec lookback(String dflt) {
    return ParamSpec.of(SectionSpec.LOOKBACK, ParamType.DURATION, "How far back the section looks.")
        .withDefault(io.companyos.model.time.Durations.parse(dflt));
  }

  static ParamSpec compareTo(CompareTo dflt) {
    return ParamSpec.choice(SectionSpec.COMPARE_TO,
            Arrays.stream(CompareTo.values()).map(CompareTo::yamlName).toList(),
            "Which previous period deltas and trends compare against.")
        .withDefault(dflt.yamlName());
  }

  static ParamSpec limit(int dflt) {
    return ParamSpec.of(SectionSpec.LIMIT, ParamType.INTEGER, "At most this many rows.")
        .withDefault(dflt)
        .withRange(BigDecimal.ONE, BigDecimal.valueOf(1000));
  }

  static ParamSpec bool(String name, boolean dflt, String description) {
    return ParamSpec.of(name, ParamType.BOOLEAN, description).withDefault(dflt);
  }

  static ParamSpec stringList(String name, List<String> dflt, String description) {
    return ParamSpec.of(name, ParamType.STRING_LIST, description).withDefault(dflt);
  }

  static ParamSpec choices(String name, List<String> allowed, List<String> dflt, String description) {
    return stringList(name, dflt, description).withChoices(allowed);
  }

  static ParamSpec choice(String name, List<String> allowed, String dflt, String description) {
    return ParamSpec.choice(name, allowed, description).withDefault(dflt);
  }

  static ParamSpec duration(String name, String dflt, String description) {
    return ParamSpec.of(name, ParamType.DURATION, description)
        .withDefault(io.companyos.model.time.Durations.parse(dflt));
  }
}
