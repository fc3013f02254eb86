package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.sources.SourceTimeoutException;
import io.companyos.sources.SourceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which failures of a section have their reason followed by the heap's state. */
class ShortOfHeapReasonTest {
  @Test
  void aSourceThatTimedOutOrAnOutOfMemoryErrorAmongTheCausesMayComeFromTheHeap() {
    assertThat(PackAssembler.maybeShortOfHeap(new SourceTimeoutException("files", Duration.ofSeconds(10), "product_events"))).isTrue();
    assertThat(PackAssembler.maybeShortOfHeap(new SourceUnavailableException("files", "java.lang.OutOfMemoryError: GC overhead limit exceeded",
        new OutOfMemoryError("GC overhead limit exceeded")))).isTrue();
    assertThat(PackAssembler.maybeShortOfHeap(new RuntimeException("wrapped", new OutOfMemoryError("Java heap space")))).isTrue();
  }

  @Test
  void otherFailuresDoNot() {
    assertThat(PackAssembler.maybeShortOfHeap(new SourceUnavailableException("prometheus", "connection refused", null))).isFalse();
    assertThat(PackAssembler.maybeShortOfHeap(new IllegalStateException("no rows"))).isFalse();
  }
}
