package io.companyos.render.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;

/**
 * Whether the JVM was short of heap while sections waited. A JVM short of heap rarely fails at once: its collector runs
 * again and again and the work crawls, so a section waiting for its source times out, and "timed out" alone would send
 * the reader looking at the source. It counts as short of heap when the collector took at least
 * {@value #BUSY_COLLECTING} of the wait, or when the tenured pool (the heap pool with the largest maximum that reports
 * its use after a collection) was at {@value #NEARLY_FULL} of its maximum or more after its last collection.
 */
public final class HeapPressure {
  /** The share of the tenured pool's maximum in use after a collection from which the heap counts as nearly full. */
  static final double NEARLY_FULL = 0.9;
  /** The share of a wait spent collecting garbage from which the JVM counts as short of heap. */
  static final double BUSY_COLLECTING = 0.3;

  private final long startNanos;
  private final long startCollecting;

  private HeapPressure(long startNanos, long startCollecting) {
    this.startNanos = startNanos;
    this.startCollecting = startCollecting;
  }

  /**
   * Starts watching: the collector's time from now on is what {@link #note()} weighs.
   *
   * @return the watch
   */
  public static HeapPressure watch() {
    return new HeapPressure(System.nanoTime(), collectingMillis());
  }

  /**
   * What to add to a timeout's reason now: the heap's state and what to do, or "" when the JVM was not short of heap
   * (or does not say).
   *
   * @return the note, starting with a space, or ""
   */
  public String note() {
    MemoryUsage tenured = null;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage after = pool.getType() == MemoryType.HEAP && pool.isValid() ? pool.getCollectionUsage() : null;
      if (after != null && after.getMax() > 0 && (tenured == null || after.getMax() > tenured.getMax())) {
        tenured = after;
      }
    }
    long waited = (System.nanoTime() - startNanos) / 1_000_000;
    return note(collectingMillis() - startCollecting, waited, tenured == null ? 0 : tenured.getUsed(),
        tenured == null ? 0 : tenured.getMax(), Runtime.getRuntime().maxMemory());
  }

  /** The collectors' total time so far, in milliseconds (those that do not say count 0). */
  private static long collectingMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /**
   * The note for a wait of {@code waited} ms of which the collector took {@code collecting}, with a tenured pool of
   * {@code used} of {@code max} bytes in use after its last collection.
   *
   * @param collecting the collector's milliseconds during the wait
   * @param waited the wait's milliseconds
   * @param used the tenured pool's bytes in use after its last collection (0 when unknown)
   * @param max the tenured pool's maximum (0 when unknown)
   * @param heap the heap's maximum ({@link Runtime#maxMemory()}), named in the note
   * @return the note, starting with a space, or "" when neither share is reached
   */
  static String note(long collecting, long waited, long used, long max, long heap) {
    boolean busy = waited > 0 && collecting >= BUSY_COLLECTING * waited;
    boolean full = max > 0 && used >= NEARLY_FULL * max;
    if (!busy && !full) {
      return "";
    }
    String tenured = max > 0 ? String.format(Locale.ROOT, ", and %d of %d MiB of the heap's long-lived part were in use "
        + "after its last collection", used >> 20, max >> 20) : "";
    return String.format(Locale.ROOT, " (the JVM was short of heap: its collector took %d%% of the wait%s, of a %d MiB heap; "
        + "give it more with -Xmx, e.g. COMPANYOS_JAVA_OPTS=-Xmx%dm for the CLI)", waited > 0 ? Math.round(100.0 * collecting / waited) : 0,
        tenured, heap >> 20, Math.max(1024, 2 * (heap >> 20)));
  }
}
