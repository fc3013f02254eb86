package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import io.companyos.render.internal.PackTree;
import io.companyos.render.internal.TemplateEngines;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User template overrides: what works, and the known FreeMarker injection payloads that are refused. */
class TemplateSandboxTest {
  static final List<String> PAYLOADS = List.of(
      "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
      "${\"freemarker.template.utility.ObjectConstructor\"?new()(\"java.lang.ProcessBuilder\", \"id\").start()}",
      "${\"freemarker.template.utility.JythonRuntime\"?new()}",
      "<#assign cl = pack?api.class.protectionDomain.classLoader>",
      "${pack.getClass().forName(\"java.lang.Runtime\")}",
      "${pack.title?eval}",
      "<#assign t = \"${1+1}\"?interpret><@t/>",
      "<#include \"/etc/passwd\">",
      "<#import \"/io/companyos/render/templates/markdown/lib.ftl\" as x>",
      "<#setting locale=\"de_DE\">${pack.title}");

  static PackDocument doc() {
    return EscapingTest.documentWith("plain");
  }

  @Test
  void knownInjectionPayloadsAreRejectedWithATypedError(@TempDir Path dir) throws Exception {
    for (String payload : PAYLOADS) {
      Files.writeString(dir.resolve("custom-pack.md"), "## Hello\n" + payload + "\n");
      PackRenderer renderer = new PackRenderer(dir);
      assertThatThrownBy(() -> renderer.render(doc(), PackFormat.MD)).as(payload)
          .isInstanceOf(TemplateRejectedException.class)
          .hasMessageStartingWith("template rejected:")
          .satisfies(e -> assertThat(((TemplateRejectedException) e).code()).isEqualTo("COS-TPL-001"))
          .satisfies(e -> assertThat(((TemplateRejectedException) e).location()).isEqualTo("custom-pack.md:2"));
    }
  }

  @Test
  void aTemplateThatIsNotUtf8IsLocatedAtItsFirstBadByte(@TempDir Path dir) throws Exception {
    // "## Hello\nCaf" then 0xE9 (Latin-1 "é"): line 1 is 9 bytes, so the bad byte is at offset 12, line 2, column 4.
    byte[] head = "## Hello\nCaf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xE9;
    bytes[head.length + 1] = '\n';
    Path file = Files.write(dir.resolve("custom-pack.md"), bytes);
    PackRenderer renderer = new PackRenderer(dir);
    assertThatThrownBy(() -> renderer.render(doc(), PackFormat.MD)).isInstanceOfSatisfying(RenderException.class,
        e -> assertThat(e.oneLine()).isEqualTo(file + ":2:4: COS-TPL-002 cannot read template: the file is not UTF-8 text:"
            + " byte 0xE9 at offset 12 (line 2) is not valid UTF-8 (save it as UTF-8)"));
  }

  @Test
  void theEngineItselfRefusesNewAndApiEvenWithoutTheTextCheck() throws Exception {
    // Second line of defence: templates parsed straight with the configuration, skipping the text check.
    Map<String, Object> model = Map.of("pack", PackTree.of(doc()));
    for (String payload : List.of("${\"freemarker.template.utility.Execute\"?new()(\"id\")}", "${pack?api.getClass()}",
        "${pack.getClass()}")) {
      Template t = new Template("t", payload, TemplateEngines.markdown());
      assertThatThrownBy(() -> t.process(model, new StringWriter())).as(payload).isInstanceOf(TemplateException.class);
    }
  }

  @Test
  void aUserTemplateInTheSeedLayoutOverridesTheBuiltInOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("custom-pack.md"), """
        <#import "/lib.ftl" as md>
        ## My ${pack.title} - ${pack.calendar.date}

        <#list pack.sections as s>
        ### ${s.title}
        <#list s.fields as f>
        - ${f.label}: <@md.v f.value/>
        </#list>
        </#list>
        """);
    String md = new PackRenderer(dir).render(doc(), PackFormat.MD);
    assertThat(md).isEqualTo("## My Pack plain - 2026-11-23\n\n### Custom plain\n- Label plain: plain[^1]\n");
  }

  @Test
  void aTemplateWithASyntaxErrorIsReportedWithItsLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("custom-pack.md"), "## ok\n<#if>\n");
    assertThatThrownBy(() -> new PackRenderer(dir).render(doc(), PackFormat.MD)).isInstanceOf(RenderException.class)
        .satisfies(e -> assertThat(((RenderException) e).code()).isEqualTo("COS-TPL-003"))
        .satisfies(e -> assertThat(((RenderException) e).location()).startsWith("custom-pack.md:2:"));
  }

  @Test
  void aMissingValueIsAnErrorNotABlank(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("custom-pack.md"), "## ${pack.nosuchthing}\n");
    assertThatThrownBy(() -> new PackRenderer(dir).render(doc(), PackFormat.MD)).isInstanceOf(RenderException.class)
        .satisfies(e -> assertThat(((RenderException) e).code()).isEqualTo("COS-TPL-005"));
  }
}
