package io.companyos.render;

import java.time.Duration;
import java.util.Objects;

/**
 * What one template run may use: wall-clock time, characters of output, bytes allocated and the stack
 * of the thread it runs on (which bounds how deep macros may call each other). A template that goes
 * past one of them fails alone with a coded error ({@code COS-TPL-006}, {@code -007}, {@code -008});
 * see docs/security.md.
 *
 * @param time the wall-clock time a template may run
 * @param maxOutputChars the characters a template may write
 * @param maxAllocatedBytes the bytes the rendering thread may allocate in total, garbage included
 *     (checked where the JVM can measure it, as HotSpot can); a coarse bound on the memory a template holds
 * @param stackBytes the stack size of the rendering thread
 */
public record TemplateLimits(Duration time, long maxOutputChars, long maxAllocatedBytes, long stackBytes) {
  /**
   * 10 seconds, 8,000,000 characters, {@link #defaultMaxAllocatedBytes()} allocated (garbage included: a quarter
   * of the JVM's maximum heap, at most 4 GiB), a 2 MiB stack.
   */
  public static final TemplateLimits DEFAULT = new TemplateLimits(Duration.ofSeconds(10), 8_000_000L,
      defaultMaxAllocatedBytes(), 2L << 20);

  /**
   * The default allocation limit: a quarter of the JVM's maximum heap ({@link Runtime#maxMemory()}), at most 4 GiB
   * (64 MiB with {@code -Xmx256m}). A template is stopped between two of its steps, so one run can end at up to
   * about twice its limit (text that doubles allocates in its last step as much as in all steps before); a quarter
   * of the heap keeps even that, and what the rest of the run holds, below the heap, so a hostile template fails
   * with its own coded error instead of filling the heap of the whole run.
   *
   * @return the default for {@link #maxAllocatedBytes()}, in bytes
   */
  public static long defaultMaxAllocatedBytes() {
    long max = Runtime.getRuntime().maxMemory();
    return max == Long.MAX_VALUE ? 4L << 30 : Math.max(1L << 20, Math.min(4L << 30, max / 4));
  }

  /**
   * Checks the limits.
   *
   * @param time the wall-clock time a template may run
   * @param maxOutputChars the characters a template may write
   * @param maxAllocatedBytes the bytes the rendering thread may allocate in total
   * @param stackBytes the stack size of the rendering thread
   * @throws NullPointerException if {@code time} is null
   * @throws IllegalArgumentException if a limit is not positive or the stack is smaller than 64 KiB
   */
  public TemplateLimits {
    Objects.requireNonNull(time, "time");
    if (time.isNegative() || time.isZero()) {
      throw new IllegalArgumentException("time limit must be positive: " + time);
    }
    if (maxOutputChars <= 0 || maxAllocatedBytes <= 0 || stackBytes < 64 * 1024) {
      throw new IllegalArgumentException("limits must be positive (stack at least 64 KiB)");
    }
  }

  /**
   * These limits with another time limit.
   *
   * @param t the wall-clock time a template may run; must be positive
   * @return the new limits
   */
  public TemplateLimits withTime(Duration t) {
    return new TemplateLimits(t, maxOutputChars, maxAllocatedBytes, stackBytes);
  }

  /**
   * These limits with another output limit.
   *
   * @param chars the characters a template may write; must be positive
   * @return the new limits
   */
  public TemplateLimits withMaxOutputChars(long chars) {
    return new TemplateLimits(time, chars, maxAllocatedBytes, stackBytes);
  }

  /**
   * These limits with another allocation limit.
   *
   * @param bytes the bytes the rendering thread may allocate; must be positive
   * @return the new limits
   */
  public TemplateLimits withMaxAllocatedBytes(long bytes) {
    return new TemplateLimits(time, maxOutputChars, bytes, stackBytes);
  }

  /**
   * These limits with another stack size.
   *
   * @param bytes the stack size of the rendering thread; at least 64 KiB
   * @return the new limits
   */
  public TemplateLimits withStackBytes(long bytes) {
    return new TemplateLimits(time, maxOutputChars, maxAllocatedBytes, bytes);
  }
}
