package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.pack.SectionType;
import io.companyos.model.pack.SectionTypeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key the loader accepts, so the reference cannot fall behind. */
class ConfigurationReferenceTest {
  private static String reference() throws IOException {
    return Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
  }

  @Test
  void everySectionTypeAndParameterIsDocumented() throws IOException {
    String doc = reference();
    for (SectionType t : SectionTypeRegistry.builtin().types()) {
      int at = doc.indexOf("#### `" + t.name() + "`");
      assertThat(at).as(t.name()).isNotNegative();
      int next = doc.indexOf("#### ", at + 1);
      String part = doc.substring(at, next < 0 ? doc.length() : next);
      for (String p : t.paramNames()) {
        if (!p.equals("title") && !p.equals("visible_to")) {
          assertThat(part).as(t.name() + "." + p).contains("`" + p + "`");
        }
      }
    }
  }

  @Test
  void everyProblemCodeAndFileKeyIsDocumented() throws IOException {
    String doc = reference();
    for (ProblemCode c : ProblemCode.values()) {
      assertThat(doc).contains("`" + c.code() + "`");
    }
    List<String> keys = List.of("`name`", "`schedule`", "`timezone`", "`meeting`", "`lead_time`", "`recipients`",
        "`sections`", "`delivery`", "`channel`", "`destination`", "`url`", "`interval`", "`health_checks[].threshold`",
        "`meetings[].frequency`", "`meetings[].agenda[].minutes`", "`roles[].includes`", "`raci.activities[].assignments`",
        "`dashboards[].access`", "`kpis[].target`", "`kpis[].unit`", "`every_minutes`", "`nth_weekday_of_month`",
        "`nth_week_of_month`", "`last_week_of_month`", "`last_weeks_of_quarter`", "`end_of_sprint`", "`quarterly`");
    for (String k : keys) {
      assertThat(doc).contains(k);
    }
  }
}
