package io.companyos.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/spring-boot.md shows the application.yaml the sample service runs with, verbatim, and the web starter. */
class SpringBootDocTest {
  @Test
  void theDocumentedConfigurationIsTheOneTheSampleServiceBootsWith() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "spring-boot.md"));
    String yaml = Files.readString(Path.of("src", "test", "resources", "application.yaml"));
    assertThat(doc).contains("```yaml\n" + yaml + "```\n");
    assertThat(doc).contains("<artifactId>spring-boot-starter-web</artifactId>")
        .contains("<artifactId>spring-boot-starter-actuator</artifactId>");
  }
}
