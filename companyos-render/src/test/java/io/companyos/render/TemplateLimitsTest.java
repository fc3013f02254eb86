package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
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

  /** A template failure and the bytes allocated while it ran (see {@link #allocatedByTheTemplateThread}). */
  record Measured(CompanyOsCode failure, long allocated) {}

  /**
   * Renders {@code template} as an override that must fail, measuring with HotSpot's per-thread allocation counters
   * ({@code com.sun.management.ThreadMXBean}) what it allocated. A template runs on a thread of its own, which has ended
   * (or been abandoned) when {@code render} returns, so this thread's count before and after cannot see it; the JVM's
   * total over every thread, ended ones included, minus this thread's own share, can: it is what the template's thread
   * allocated plus the little the test JVM's other threads did meanwhile, so an upper bound on the template's share.
   */
  private static Measured allocatedByTheTemplateThread(Path dir, String template, TemplateLimits limits) throws Exception {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled(),
        "this JVM does not count allocated bytes per thread");
    Files.writeString(dir.resolve("custom-pack.md"), template);
    PackRenderer renderer = new PackRenderer(dir, limits);
    long total0 = bean.getTotalThreadAllocatedBytes();
    long own0 = bean.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    Throwable thrown = null;
    try {
      renderer.render(TemplateSandboxTest.doc(), PackFormat.MD);
    } catch (Throwable e) {
      thrown = e;
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("time for %s", template).isLessThan(LOOSE);
    // Every byte the template's thread allocated is counted once it has ended.
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("companyos-template")) {
        t.join(10_000);
        assertThat(t.isAlive()).as("template thread still running").isFalse();
      }
    }
    long own = bean.getCurrentThreadAllocatedBytes() - own0;
    long allocated = bean.getTotalThreadAllocatedBytes() - total0 - own;
    assertThat(thrown).as(template).isInstanceOf(RenderException.class);
    RenderException e = (RenderException) thrown;
    return new Measured(new CompanyOsCode(e.code(), e.location(), e.getMessage()), allocated);
  }

  /**
   * The watcher reads the template thread's allocation every 2 ms and can stop a template only between two of its
   * steps. Where each step allocates a few bytes (a loop), a run ends at its limit plus what the thread allocates
   * until the watcher's next reading: 32 MiB is 10 ms at 3 GB/s, room for a busy machine.
   */
  private static final long SLACK_SMALL_STEPS = 32L << 20;

  @Test
  void aLoopThatOnlyAllocatesIsStoppedAtItsMemoryLimitPlusTheWatchersSlack(@TempDir Path dir) throws Exception {
    long limit = 32L << 20;
    Measured m = allocatedByTheTemplateThread(dir, "<#list 1.. as i><#assign x = i + 1></#list>\n",
        TemplateLimits.DEFAULT.withMaxAllocatedBytes(limit).withTime(Duration.ofSeconds(20)));
    assertThat(m.failure().code()).isEqualTo("COS-TPL-007");
    assertThat(m.failure().message()).isEqualTo("template allocated more memory than its limit of 32 MiB");
    // Stopped by the memory limit, so it got past it; by no more than the slack: 32 MiB + 32 MiB = 64 MiB.
    assertThat(m.allocated()).isGreaterThan(limit).isLessThanOrEqualTo((32L << 20) + (32L << 20));
  }

  @Test
  void aStringThatDoublesInALoopIsStoppedByTheMemoryLimit(@TempDir Path dir) throws Exception {
    long limit = 64L << 20;
    // Three runs: once compiled, the doublings come faster than in the first run, which is when the slack matters.
    for (int run = 1; run <= 3; run++) {
      Measured m = allocatedByTheTemplateThread(dir,
          "<#assign s = \"x\">\n<#list 1..40 as i><#assign s = s + s></#list>\n${s?length}\n",
          TemplateLimits.DEFAULT.withMaxAllocatedBytes(limit));
      assertThat(m.failure().code()).isEqualTo("COS-TPL-007");
      assertThat(m.failure().message()).isEqualTo("template allocated more memory than its limit of 64 MiB");
      // Doubling from "x", after n steps the strings made hold 2 + 4 + ... + 2^n = 2^(n+1) - 2 bytes (one byte a
      // character). The 25th step makes a string of 2^25 bytes and crosses 64 MiB = 2^26 (2^26 - 2 plus the template's
      // other small allocations); when the watcher's next reading comes after the 26th step has begun, that step gets
      // through too and doubles the total to about 2^27. So the slack here is one step as large as everything before it
      // (the limit) plus the watcher's slack: 64 + 64 + 32 = 160 MiB, far below the 2^41 bytes of all 40 steps.
      assertThat(m.allocated()).as("run %d", run).isGreaterThan(limit).isLessThanOrEqualTo(limit + limit + SLACK_SMALL_STEPS);
    }
  }

  @Test
  void aCaptureThatGrowsForEverIsStoppedToo(@TempDir Path dir) throws Exception {
    long limit = 64L << 20;
    Measured m = allocatedByTheTemplateThread(dir, "<#assign s><#list 1.. as i>0123456789</#list></#assign>${s}\n",
        TemplateLimits.DEFAULT.withMaxAllocatedBytes(limit).withTime(Duration.ofSeconds(20)));
    assertThat(m.failure().code()).isEqualTo("COS-TPL-007");
    assertThat(m.failure().message()).isEqualTo("template allocated more memory than its limit of 64 MiB");
    // The capture's buffer doubles its capacity when full, so its last growth can be as large as everything
    // allocated before it: the same slack as a doubling string, 64 + 64 + 32 = 160 MiB.
    assertThat(m.allocated()).isGreaterThan(limit).isLessThanOrEqualTo(limit + limit + SLACK_SMALL_STEPS);
  }

  @Test
  void theDefaultMemoryLimitLeavesThreeQuartersOfTheHeapToTheRestOfTheRun() {
    // A template stopped at up to twice its limit (above) still leaves half the heap to the run.
    long max = Runtime.getRuntime().maxMemory();
    assertThat(TemplateLimits.DEFAULT.maxAllocatedBytes()).isEqualTo(TemplateLimits.defaultMaxAllocatedBytes())
        .isLessThanOrEqualTo(max / 4).isLessThanOrEqualTo(4L << 30).isPositive();
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
