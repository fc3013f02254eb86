package io.companyos.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.CompanyFolder;
import io.companyos.render.PackFormat;
import io.companyos.sources.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code companyos.config-dir} is read by the same loader as the CLI's {@code --config}, sources included. */
class ConfigDirTest {
  @TempDir Path out;
  @TempDir Path folder;

  ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CompanyOsAutoConfiguration.class))
        .withPropertyValues("companyos.output-dir=" + out, "companyos.config-dir=" + folder);
  }

  private void starter() throws IOException {
    for (Map.Entry<String, String> e : CompanyFolder.starterFiles().entrySet()) {
      Path p = folder.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theFolderDefinesThePacksAndItsSourcesFileTheSources() throws IOException {
    starter();
    Path ops = folder.resolve("meeting-packs/ops-review.yaml");
    Files.writeString(ops, Files.readString(ops).replace("name: \"Weekly Ops Review\"", "name: \"Platform Ops Review\""));
    Files.writeString(folder.resolve("meeting-packs/reliability-huddle.yaml"), """
        name: "Reliability Huddle"
        schedule: "0 8 * * 3"
        recipients:
          - role: sre_lead
        sections:
          - type: incident_summary
            lookback: 7d
        """);
    Files.writeString(folder.resolve("sources.yaml"), """
        sources:
          - id: our-sample
            type: sample
        """);
    runner().run(ctx -> {
      assertThat(ctx).hasNotFailed();
      CompanyDefinition company = ctx.getBean(CompanyDefinition.class);
      assertThat(company.pack("ops-review").orElseThrow().name()).isEqualTo("Platform Ops Review");
      assertThat(company.packIds()).contains("reliability-huddle").hasSize(11);
      assertThat(ctx.getBean(Sources.class).ids()).containsExactly("our-sample");
      CompanyOsPacks packs = ctx.getBean(CompanyOsPacks.class);
      assertThat(packs.render("ops-review", PackFormat.MD)).startsWith("## Platform Ops Review - Week ");
      String huddle = packs.render("reliability-huddle", PackFormat.MD);
      assertThat(huddle).startsWith("## Reliability Huddle").contains("our-sample");
    });
  }

  @Test
  void aBrokenFileInTheFolderStopsStartupWithItsLocation() throws IOException {
    starter();
    Files.writeString(folder.resolve("meeting-packs/broken.yaml"), """
        name: "Broken"
        schedule: "0 8 * * 1"
        sections:
          - type: no_such_section_type
        """);
    runner().run(ctx -> {
      assertThat(ctx).hasFailed();
      Throwable t = ctx.getStartupFailure();
      while (t != null && !(t instanceof IllegalStateException)) {
        t = t.getCause();
      }
      assertThat(t).hasMessageStartingWith("companyos.config-dir '" + folder + "' has 1 problem:\n")
          .hasMessageContaining("broken.yaml:4:")
          .hasMessageContaining("COS-YAML-011")
          .hasMessageContaining("COS-YAML-011");
    });
  }
}
