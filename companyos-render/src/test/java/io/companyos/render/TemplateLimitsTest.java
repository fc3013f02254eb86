package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile override templates: each is stopped by a limit or refused by the policy with a coded error,
 * quickly, and the renderer stays usable for the next pack.
 */
class TemplateLimitsTest {
  private static final Duration LOOSE = Duration.ofSeconds(10);

  private static CompanyOsCode renderOverride(Path dir, String template, TemplateLimits limits) throws Exception {
    Files.writeString(dir.resolve("custom-pack.md"), template);
    PackRenderer renderer = new PackRenderer(dir, limits);
    long t0 = System.nanoTime();
    Throwable thrown = null;
    try {
      renderer.render(TemplateSandboxTest.doc(), PackFormat.MD);
    } catch (Throwable e) {
      thrown = e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(took).as("time for %s", template).isLessThan(LOOSE);
    assertThat(thrown).as(template).isInstanceOf(io.companyos.model.base.CompanyOsException.class);
    io.companyos.model.base.CompanyOsException e = (io.companyos.model.base.CompanyOsException) thrown;
    // The renderer still works afterwards: the next (built-in) pack renders.
    assertThat(renderer.render(TemplateSandboxTest.doc(), PackFormat.HTML)).contains("Pack plain");
    return new CompanyOsCode(e.code(), e.location(), e.getMessage());
  }

  record CompanyOsCode(String code, String location, String message) {}

  @Test
  void aMacroThatCallsItselfForEverIsStoppedByTheStack(@TempDir Path dir) throws Exception {
    CompanyOsCode r = renderOverride(dir, "<#macro m><@m/></#macro>\n<@m/>\n", TemplateLimits.DEFAULT);
    assertThat(r.code()).isEqualTo("COS-TPL-008");
    assertThat(r.location()).isEqualTo("custom-pack.md");
    assertThat(r.message()).isEqualTo("template nests too deeply (a macro that calls itself without end?)");
  }

  @Test
  void aLoopWithoutEndAndWithoutOutputIsStoppedAtTheTimeLimit(@TempDir Path dir) throws Exception {
    TemplateLimits limits = TemplateLimits.DEFAULT.withTime(Duration.ofMillis(500));
    CompanyOsCode r = renderOverride(dir, "<#list 1.. as i></#list>\n", limits);
    assertThat(r.code()).isEqualTo("COS-TPL-006");
    assertThat(r.message()).isEqualTo("template ran longer than its time limit of 500 ms");
  }

  @Test
  void aLoopThatWritesForEverIsStoppedAtTheOutputLimit(@TempDir Path dir) throws Exception {
    TemplateLimits limits = TemplateLimits.DEFAULT.withMaxOutputChars(100_000);
    CompanyOsCode r = renderOverride(dir, "<#list 1.. as i>0123456789</#list>\n", limits);
    assertThat(r.code()).isEqualTo("COS-TPL-007");
    assertThat(r.message()).isEqualTo("template wrote more than its output limit of 100000 characters");
  }

  @Test
  void theOutputLimitCountsEveryCharacterUpToItsValue(@TempDir Path dir) throws Exception {
    // 10 loops of 10 characters plus the newline the renderer ends with: exactly 100 fit, 101 do not.
    Files.writeString(dir.resolve("custom-pack.md"), "<#list 1..10 as i>0123456789</#list>");
    assertThat(new PackRenderer(dir, TemplateLimits.DEFAULT.withMaxOutputChars(100)).render(TemplateSandboxTest.doc(),
        PackFormat.MD)).hasSize(101);
    Files.writeString(dir.resolve("custom-pack.md"), "<#list 1..10 as i>0123456789</#list>x");
    assertThatThrownBy(() -> new PackRenderer(dir, TemplateLimits.DEFAULT.withMaxOutputChars(100))
        .render(TemplateSandboxTest.doc(), PackFormat.MD))
        .satisfies(e -> assertThat(((RenderException) e).code()).isEqualTo("COS-TPL-007"));
  }

  @Test
  void aStringThatDoublesInALoopIsStoppedByTheMemoryLimit(@TempDir Path dir) throws Exception {
    TemplateLimits limits = TemplateLimits.DEFAULT.withMaxAllocatedBytes(64L << 20);
    CompanyOsCode r = renderOverride(dir,
        "<#assign s = \"x\">\n<#list 1..40 as i><#assign s = s + s></#list>\n${s?length}\n", limits);
    assertThat(r.code()).isEqualTo("COS-TPL-007");
  }

  @Test
  void aCaptureThatGrowsForEverIsStoppedToo(@TempDir Path dir) throws Exception {
    TemplateLimits limits = TemplateLimits.DEFAULT.withMaxAllocatedBytes(64L << 20).withTime(Duration.ofSeconds(3));
    CompanyOsCode r = renderOverride(dir, "<#assign s><#list 1.. as i>0123456789</#list></#assign>${s}\n", limits);
    assertThat(r.code()).isIn("COS-TPL-006", "COS-TPL-007");
  }

  @Test
  void padsWiderThanTheLimitAreRefusedBeforeRunning(@TempDir Path dir) throws Exception {
    for (String t : List.of("${\"x\"?left_pad(2000000000)}", "${\"x\"?right_pad(1001)}", "${\"x\"?left_pad(n)}")) {
      CompanyOsCode r = renderOverride(dir, "## pad\n" + t + "\n", TemplateLimits.DEFAULT);
      assertThat(r.code()).as(t).isEqualTo("COS-TPL-001");
      assertThat(r.location()).isEqualTo("custom-pack.md:2");
    }
    Files.writeString(dir.resolve("custom-pack.md"), "${\"x\"?left_pad(5, \".\")}|${\"y\"?right_pad(1000)?length}");
    assertThat(new PackRenderer(dir).render(TemplateSandboxTest.doc(), PackFormat.MD)).isEqualTo("....x|1000\n");
  }

  @Test
  void squareBracketTagsAndInterpolationsMeetTheSamePolicy(@TempDir Path dir) throws Exception {
    for (String t : List.of("[#ftl]\n[#setting classic_compatible=true]${pack.nosuchthing}",
        "[#ftl]\n[#include \"lib.ftl\"]", "[#ftl]\n[#visit pack]", "[#ftl]\n[#recurse]",
        "[#ftl]\n[#import \"/pack.ftl\" as p]", "[#ftl]\n[#assign x = \"1\"?eval]",
        "[#ftl]\n${\"1+1\"?interpret}", "[#ftl]\n[#if pack?api??]x[/#if]", "<#ftl>\n<#setting locale=\"de\">",
        "<#ftl>\n#{\"1\"?eval}")) {
      CompanyOsCode r = renderOverride(dir, t + "\n", TemplateLimits.DEFAULT);
      assertThat(r.code()).as(t).isEqualTo("COS-TPL-001");
      assertThat(r.location()).as(t).isEqualTo("custom-pack.md:2");
    }
  }

  @Test
  void classicCompatibleCannotTurnAMissingValueIntoABlank(@TempDir Path dir) throws Exception {
    CompanyOsCode r = renderOverride(dir, "[#ftl][#setting classic_compatible=true]${pack.nosuchthing}\n",
        TemplateLimits.DEFAULT);
    assertThat(r.code()).isEqualTo("COS-TPL-001");
    assertThat(r.message()).isEqualTo("template rejected: '#setting' is not allowed in pack templates");
  }

  @Test
  void theLibraryIsTheOnlyTemplateAnOverrideCanReach(@TempDir Path dir) throws Exception {
    // Checked by the loader of the configuration too, not only by the policy.
    Files.writeString(dir.resolve("custom-pack.md"), "<#assign t = .get_optional_template(\"/pack.ftl\")>${t.exists?c}");
    assertThat(new PackRenderer(dir).render(TemplateSandboxTest.doc(), PackFormat.MD)).isEqualTo("false\n");
    Files.writeString(dir.resolve("custom-pack.md"), "<#assign t = .get_optional_template(\"/lib.ftl\")>${t.exists?c}");
    assertThat(new PackRenderer(dir).render(TemplateSandboxTest.doc(), PackFormat.MD)).isEqualTo("true\n");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> TemplateLimits.DEFAULT.withTime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TemplateLimits.DEFAULT.withMaxOutputChars(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
