package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} checks a jdbc source's queries without connecting: a misspelt parameter is located in sources.yaml. */
class JdbcValidateTest {
  static String sources(String query) {
    return """
        sources:
          - id: warehouse
            type: jdbc
            options:
              url: jdbc:postgresql://db.invalid:5432/analytics
              user: reader
              query.incidents: %s
            records: [incidents]
          - id: sample
            type: sample
        """.formatted(query);
  }

  @Test
  void aWellFormedQueryPassesAndAMisspeltParameterIsLocated(@TempDir Path dir) throws IOException {
    Path folder = dir.resolve("acme");
    assertThat(MainTest.run("init", folder.toString()).code()).isZero();
    Files.writeString(folder.resolve("sources.yaml"), sources("\"SELECT * FROM incidents WHERE opened >= :from AND opened < :to\""));
    MainTest.Result ok = MainTest.run("validate", folder.toString());
    assertThat(ok.code()).as(ok.err()).isZero();

    Files.writeString(folder.resolve("sources.yaml"), sources("\"SELECT * FROM incidents WHERE opened >= :start\""));
    MainTest.Result r = MainTest.run("validate", folder.toString());
    assertThat(r.code()).isEqualTo(1);
    // Line 7, column 24: the option's value.
    assertThat(r.out() + r.err()).contains("sources.yaml:7:24: COS-YAML-031")
        .contains("query.incidents cannot be read: ':start' is not a parameter (at character 41)");
  }
}
