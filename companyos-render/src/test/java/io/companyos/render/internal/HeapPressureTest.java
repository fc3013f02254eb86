package io.companyos.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapPressureTest {
  private static final long MIB = 1L << 20;

  @Test
  void aJvmMostlyCollectingIsNamedWithTheHeapAndWhatToDo() {
    // 8,800 of 22,000 ms collecting (40%), 120 of 136 MiB of the tenured pool in use (88%), a 192 MiB heap: the note
    // gives both and suggests 1 GiB (twice the heap, at least 1 GiB).
    assertThat(HeapPressure.note(8_800, 22_000, 120 * MIB, 136 * MIB, 192 * MIB)).isEqualTo(" (the JVM is short of heap: "
        + "its collector has taken 40% of its time, and 120 of 136 MiB of the heap's long-lived part were in use after its "
        + "last collection, of a 192 MiB heap; give it more with -Xmx, e.g. COMPANYOS_JAVA_OPTS=-Xmx1024m for the CLI)");
  }

  @Test
  void aTenuredPoolNearlyFullAfterItsLastCollectionCountsOnItsOwn() {
    // 5% of the time collecting, but 273 of 300 MiB (91%) in use after the last collection; a 3 GiB heap: twice it.
    assertThat(HeapPressure.note(1_000, 20_000, 273 * MIB, 300 * MIB, 3072 * MIB)).contains("has taken 5% of its time")
        .contains("273 of 300 MiB").endsWith("COMPANYOS_JAVA_OPTS=-Xmx6144m for the CLI)");
  }

  @Test
  void aJvmNotShortOfHeapAddsNothingAndAnUnknownPoolIsLeftOut() {
    assertThat(HeapPressure.note(5_900, 20_000, 269 * MIB, 300 * MIB, 341 * MIB)).isEmpty(); // 29.5%, 89.7%
    assertThat(HeapPressure.note(6_000, 20_000, 0, 0, 341 * MIB)).isEqualTo(" (the JVM is short of heap: its collector "
        + "has taken 30% of its time, of a 341 MiB heap; give it more with -Xmx, e.g. COMPANYOS_JAVA_OPTS=-Xmx1024m for the CLI)");
    assertThat(HeapPressure.note(0, 0, 10 * MIB, 0, 341 * MIB)).isEmpty(); // no time, no pool
  }
}
