package io.companyos.render.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;

/**
 * Whether the JVM is short of heap, asked when a section timed out. A JVM short of heap rarely fails at once: its
 * collector runs again and again and the work crawls, so a section waiting for its source times out, and "timed out"
 * alone would send the reader looking at the source. It counts as short of heap when the collector has taken at least
 * {@value #BUSY_COLLECTING} of the JVM's time so far, or when the tenured pool (the heap pool with the largest maximum
 * that reports its use after a collection) was at {@value #NEARLY_FULL} of its maximum or more after its last
 * collection. Nothing is read before a timeout: the JVM's management beans take tens of milliseconds to start, which a
 * render that does not time out should not pay.
 */
public final class HeapPressure {
  /** The share of the tenured pool's maximum in use after a collection from which the heap counts as nearly full. */
  static final double NEARLY_FULL = 0.9;
  /** The share of the JVM's time spent collecting garbage from which it counts as short of heap. */
  static final double BUSY_COLLECTING = 0.3;

  private HeapPressure() {}

  /**
   * What to add to a timeout's reason now: the heap's state and what to do, or "" when the JVM is not short of heap
   * (or does not say).
   *
   * @return the note, starting with a space, or ""
   */
  public static String note() {
    MemoryUsage tenured = null;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage after = pool.getType() == MemoryType.HEAP && pool.isValid() ? pool.getCollectionUsage() : null;
      if (after != null && after.getMax() > 0 && (tenured == null || after.getMax() > tenured.getMax())) {
        tenured = after;
      }
    }
    long collecting = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collecting += Math.max(0, gc.getCollectionTime());
    }
    return note(collecting, ManagementFactory.getRuntimeMXBean().getUptime(), tenured == null ? 0 : tenured.getUsed(),
        tenured == null ? 0 : tenured.getMax(), Runtime.getRuntime().maxMemory());
  }

  /**
   * The note for a JVM that has run {@code ran} ms, {@code collecting} of them collecting garbage, with a tenured pool
   * of {@code used} of {@code max} bytes in use after its last collection.
   *
   * @param collecting the collector's milliseconds so far
   * @param ran the JVM's milliseconds so far
   * @param used the tenured pool's bytes in use after its last collection (0 when unknown)
   * @param max the tenured pool's maximum (0 when unknown)
   * @param heap the heap's maximum ({@link Runtime#maxMemory()}), named in the note
   * @return the note, starting with a space, or "" when neither share is reached
   */
  static String note(long collecting, long ran, long used, long max, long heap) {
    boolean busy = ran > 0 && collecting >= BUSY_COLLECTING * ran;
    boolean full = max > 0 && used >= NEARLY_FULL * max;
    if (!busy && !full) {
      return "";
    }
    String tenured = max > 0 ? String.format(Locale.ROOT, ", and %d of %d MiB of the heap's long-lived part were in use "
        + "after its last collection", used >> 20, max >> 20) : "";
    return String.format(Locale.ROOT, " (the JVM is short of heap: its collector has taken %d%% of its time%s, of a %d MiB "
        + "heap; give it more with -Xmx, e.g. COMPANYOS_JAVA_OPTS=-Xmx%dm for the CLI)", ran > 0 ? Math.round(100.0 * collecting / ran) : 0,
        tenured, heap >> 20, Math.max(1024, 2 * (heap >> 20)));
  }
}
