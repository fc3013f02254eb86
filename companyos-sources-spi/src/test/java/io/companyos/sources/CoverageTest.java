package io.companyos.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {
  static final Instant A = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant B = Instant.parse("2026-11-08T00:00:00Z");
  static final Instant C = Instant.parse("2026-11-15T00:00:00Z");

  @Test
  void rowsWrittenTogetherCountOnceSortedOrNot() {
    // Three weekly updates, the middle one of three rows: three distinct instants from A to C.
    Provenance.Coverage sorted = Provenance.Coverage.of(List.of(A, B, B, B, C)).orElseThrow();
    Provenance.Coverage shuffled = Provenance.Coverage.of(List.of(B, C, A, B, B)).orElseThrow();
    assertThat(sorted).isEqualTo(new Provenance.Coverage(A, C, 3, null)).isEqualTo(shuffled);
    assertThat(Provenance.Coverage.of(List.of())).isEmpty();
  }
}
