package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanyFolderTest {
  @TempDir Path work;

  @Test
  void withoutAFolderTheBuiltinsAreUsedAndSaidSo() {
    CompanyFolder f = CompanyFolder.resolve(List.of(), work);
    assertThat(f.origin()).isEqualTo(CompanyFolder.Origin.BUILTIN);
    assertThat(f.load()).isSameAs(BuiltinDefinitions.load());
    assertThat(f.sourcesFile()).isEmpty();
    assertThat(f.describe()).isEqualTo("definitions: built-in (no --config and no ./companyos/ folder)");
  }

  @Test
  void aCompanyosFolderInTheWorkingDirectoryIsTheDefaultAndAnExplicitFolderWins() throws IOException {
    Path dflt = Files.createDirectories(work.resolve("companyos"));
    Files.writeString(dflt.resolve("sources.yaml"), "sources:\n  - id: s\n    type: sample\n");
    CompanyFolder found = CompanyFolder.resolve(List.of(), work);
    assertThat(found.origin()).isEqualTo(CompanyFolder.Origin.WORKING_DIRECTORY);
    assertThat(found.paths()).containsExactly(dflt);
    assertThat(found.sourcesFile()).contains(dflt.resolve("sources.yaml"));

    Path other = Files.createDirectories(work.resolve("other"));
    CompanyFolder explicit = CompanyFolder.resolve(List.of(other), work);
    assertThat(explicit.origin()).isEqualTo(CompanyFolder.Origin.EXPLICIT);
    assertThat(explicit.sourcesFile()).isEmpty();
  }

  @Test
  void theStarterFilesAreTheBuiltinsPlusACommentedSourcesFileAndLoadToTheBuiltinDefinition() throws IOException {
    Map<String, String> files = CompanyFolder.starterFiles();
    assertThat(files).hasSize(BuiltinDefinitions.RESOURCES.size() + 1)
        .containsKeys("meeting-packs/ops-review.yaml", "rhythm.yaml", "raci.yaml", "sources.yaml");
    assertThat(files.get("sources.yaml")).contains("type: sample", "# ");
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = work.resolve("starter").resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
    }
    CompanyFolder f = CompanyFolder.of(List.of(work.resolve("starter")));
    assertThat(new DefinitionLoader().validate(f.paths())).isEmpty();
    assertThat(f.load()).isEqualTo(BuiltinDefinitions.load());
    assertThat(new DefinitionLoader().loadSources(f.sourcesFile().orElseThrow())).hasSize(1);
  }
}
