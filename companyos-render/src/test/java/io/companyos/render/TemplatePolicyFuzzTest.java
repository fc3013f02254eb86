package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.base.CompanyOsException;
import java.time.Duration;
import java.util.Set;

/**
 * Whatever text an override template holds, rendering it either succeeds within the output limit or
 * fails with one of the template codes; never another exception, a stack overflow or an output past
 * the limit. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/render/TemplatePolicyFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class TemplatePolicyFuzzTest {
  private static final Set<String> CODES = Set.of("COS-TPL-001", "COS-TPL-003", "COS-TPL-005", "COS-TPL-006", "COS-TPL-007",
      "COS-TPL-008");
  private static final TemplateLimits LIMITS = TemplateLimits.DEFAULT.withTime(Duration.ofSeconds(2)).withMaxOutputChars(100_000)
      .withMaxAllocatedBytes(256L << 20);
  private static final PackDocument DOC = TemplateSandboxTest.doc();
  private final PackRenderer renderer = new PackRenderer(null, LIMITS);

  @FuzzTest(maxDuration = "3m")
  void templatesFailOnlyWithCodedErrorsWithinLimits(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    try {
      String out = renderer.renderUserTemplate(DOC, renderer.userTemplate("fuzz.md", text));
      assertThat((long) out.length()).isLessThanOrEqualTo(LIMITS.maxOutputChars() + 1);
    } catch (CompanyOsException e) {
      assertThat(e.code()).as(e.oneLine()).isIn(CODES);
      assertThat(e.location()).startsWith("fuzz.md");
    }
  }
}
