package io.companyos.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapPressureTest {
  private static final long MIB = 1L << 20;

  @Test
  void aWaitMostlySpentCollectingIsNamedWithTheHeapAndWhatToDo() {
    // 8,800 of 20,000 ms collecting (44%), 120 of 136 MiB of the tenured pool in use (88%), a 192 MiB heap: the note
    // gives both and suggests 1 GiB (twice the heap, at least 1 GiB).
    assertThat(HeapPressure.note(8_800, 20_000, 120 * MIB, 136 * MIB, 192 * MIB)).isEqualTo(" (the JVM was short of heap: "
        + "its collector took 44% of the wait, and 120 of 136 MiB of the heap's long-lived part were in use after its last "
        + "collection, of a 192 MiB heap; give it more with -Xmx, e.g. COMPANYOS_JAVA_OPTS=-Xmx1024m for the CLI)");
  }

  @Test
  void aTenuredPoolNearlyFullAfterItsLastCollectionCountsOnItsOwn() {
    // 5% of the wait collecting, but 273 of 300 MiB (91%) in use after the last collection; a 3 GiB heap: twice it.
    assertThat(HeapPressure.note(1_000, 20_000, 273 * MIB, 300 * MIB, 3072 * MIB)).contains("took 5% of the wait")
        .contains("273 of 300 MiB").endsWith("COMPANYOS_JAVA_OPTS=-Xmx6144m for the CLI)");
  }

  @Test
  void aWaitThatWasNotShortOfHeapAddsNothingAndAnUnknownPoolIsLeftOut() {
    assertThat(HeapPressure.note(5_900, 20_000, 269 * MIB, 300 * MIB, 341 * MIB)).isEmpty(); // 29.5%, 89.7%
    assertThat(HeapPressure.note(6_000, 20_000, 0, 0, 341 * MIB)).isEqualTo(" (the JVM was short of heap: its collector "
        + "took 30% of the wait, of a 341 MiB heap; give it more with -Xmx, e.g. COMPANYOS_JAVA_OPTS=-Xmx1024m for the CLI)");
    assertThat(HeapPressure.note(0, 0, 10 * MIB, 0, 341 * MIB)).isEmpty(); // no wait, no pool
  }
}
