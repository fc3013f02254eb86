package io.companyos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The pack archive folder ({@code render --out}, the seed's {@code docs/meetings/}) served by the dashboard server:
 * listed and downloaded as written for a reader who may see every section (the CTO: in leadership, and named by the
 * security standup's restricted section), never for one who may not (the product lead, outside the security
 * standup's audience), who gets their own copy built from the sources instead.
 */
class PackArchiveTest {
  static final String WRITTEN = "# Sprint Review (as written on 2026-10-05)\n\nsecret-marker-only-in-the-written-copy\n";

  @TempDir
  static Path archive;

  static ServerFixture fixture;
  static MockMvc mvc;

  @BeforeAll
  static void start() throws Exception {
    Path ops = Files.createDirectories(archive.resolve("sprint-reviews"));
    Files.writeString(ops.resolve("2026-10-05.md"), WRITTEN);
    Files.writeString(ops.resolve("2026-10-05.v2.md"), "# second version\n");
    Files.writeString(ops.resolve("2026-10-05.notion.json"), "{}");
    Files.writeString(ops.resolve("2026-11-23.md"), "# Sprint Review as written\n");
    Files.writeString(ops.resolve("notes.txt"), "not a pack");
    Files.writeString(ops.resolve("draft.md"), "not a dated pack");
    Files.writeString(ops.resolve("2026-10-05.md.tmp"), "half written");
    fixture = new ServerFixture(ServerSettings.demo().history(2).archive(archive));
    mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) fixture.server.context()).apply(springSecurity())
        .build();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static MockHttpServletResponse as(String user, String path) throws Exception {
    MvcResult r = mvc.perform(formLogin().user(user).password(user + "-demo")).andReturn();
    MockHttpSession s = (MockHttpSession) r.getRequest().getSession(false);
    return mvc.perform(get(path).session(s)).andReturn().getResponse();
  }

  @Test
  void theFolderListsDatedPackFilesByTheirExporterExtensionOnly() {
    PackArchive a = new PackArchive(archive, List.of("md", "html", "json", "notion.json", "confluence.xhtml"));
    assertThat(a.stored("sprint-review")).containsExactly(
        Map.entry("2026-11-23", List.of("md")),
        Map.entry("2026-10-05.v2", List.of("md")),
        Map.entry("2026-10-05", List.of("md", "notion.json")));
    assertThat(a.stored("qbr")).isEmpty();
    assertThat(a.file("sprint-review", "../sprint-reviews/2026-10-05.md")).isEmpty();
    assertThat(a.file("sprint-review", "notes.txt")).isEmpty();
    assertThat(new PackArchive(null, List.of("md")).stored("sprint-review")).isEmpty();
  }

  @Test
  void aReaderWhoSeesEverythingGetsTheWrittenCopyAsWritten() throws Exception {
    MockHttpServletResponse old = as("cto", "/packs/sprint-review/2026-10-05.md");
    assertThat(old.getStatus()).isEqualTo(200);
    assertThat(old.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(WRITTEN);
    assertThat(as("cto", "/packs/sprint-review/2026-10-05.v2.md").getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("# second version\n");
    // The written copy of a date the server could build takes its place.
    assertThat(as("cto", "/packs/sprint-review/2026-11-23.md").getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("# Sprint Review as written\n");
    String page = as("cto", "/packs").getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("/packs/sprint-review/2026-10-05.md", "/packs/sprint-review/2026-10-05.notion.json",
        "(as written to the archive)");
  }

  @Test
  void aReaderWithRestrictedSectionsNeverGetsTheWrittenCopy() throws Exception {
    MockHttpServletResponse old = as("product", "/packs/sprint-review/2026-10-05.md");
    assertThat(old.getStatus()).isEqualTo(404);
    MockHttpServletResponse current = as("product", "/packs/sprint-review/2026-11-23.md");
    assertThat(current.getStatus()).isEqualTo(200);
    assertThat(current.getContentAsString(StandardCharsets.UTF_8)).isNotEqualTo("# Sprint Review as written\n")
        .contains("Sprint");
    String page = as("product", "/packs").getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).doesNotContain("2026-10-05", "(as written to the archive)").contains("/packs/sprint-review/2026-11-23.md");
  }
}
