package io.companyos.render.internal;

import freemarker.core._CoreAPI;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import io.companyos.render.RenderException;
import io.companyos.render.TemplateLimits;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs one template within {@link TemplateLimits}: on its own thread (whose stack size bounds how deep
 * macros may nest), writing to a buffer that refuses characters past the output limit, watched by the
 * calling thread, which interrupts it at the time limit or when it has allocated more than allowed.
 * User templates are compiled with FreeMarker's interruption checks in every loop and macro, so an
 * interrupted template stops at its next iteration or call.
 */
public final class BoundedTemplateRun {
  /**
   * How often the watcher reads the template's time and allocation. The run can only be stopped between two steps
   * of the template, so it may go past its allocation limit by the step that crossed it plus what it allocates
   * until the next reading; 2 ms keeps the second part to a few MiB (with 20 ms, a string that doubles got through
   * two more doublings, four times its limit).
   */
  private static final long POLL_MILLIS = 2;
  /** How long a template gets to notice that it was interrupted before the caller gives up on it. */
  private static final long GRACE_MILLIS = 2000;

  /** Why a run was stopped. */
  private enum Stop { TIME, OUTPUT, MEMORY, HEAP }

  private BoundedTemplateRun() {}

  /** Adds FreeMarker's thread-interruption checks to every loop and macro of {@code t} (for user templates). */
  public static void makeInterruptible(Template t) {
    _CoreAPI.addThreadInterruptedChecks(t);
  }

  /**
   * The output of {@code t} over {@code model}.
   *
   * @throws TemplateException as FreeMarker reports it, when the template itself fails
   * @throws IOException when FreeMarker reports an output failure other than a limit
   * @throws RenderException {@code COS-TPL-006} (time), {@code COS-TPL-007} (output or memory),
   *     {@code COS-TPL-008} (nesting) when a limit is reached
   */
  public static String run(Template t, Object model, TemplateLimits limits) throws TemplateException, IOException {
    long deadline = System.nanoTime() + limits.time().toNanos();
    LimitedWriter out = new LimitedWriter(limits.maxOutputChars(), deadline);
    Throwable[] failure = new Throwable[1];
    Thread worker = new Thread(null, () -> {
      try {
        t.process(model, out);
      } catch (Throwable e) { // every failure, StackOverflowError and OutOfMemoryError included, ends this pack alone
        failure[0] = e;
      }
    }, "companyos-template", limits.stackBytes());
    worker.setDaemon(true);
    Allocation allocation = Allocation.of(worker);
    worker.start();
    allocation.start();
    try {
      while (true) {
        worker.join(POLL_MILLIS);
        if (!worker.isAlive()) {
          break;
        }
        if (System.nanoTime() - deadline > 0) {
          out.stop(Stop.TIME);
        } else if (allocation.since() > limits.maxAllocatedBytes()) {
          out.stop(Stop.MEMORY);
        }
        if (out.stop != null) {
          worker.interrupt();
          worker.join(GRACE_MILLIS);
          break; // a template that ignores the interruption is left to finish on its own (daemon) thread
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.interrupt();
      throw limit(t, Stop.TIME, limits, null);
    }
    Throwable f = failure[0];
    Stop stop = out.stop;
    if (stop == null && f != null) {
      if (causedBy(f, StackOverflowError.class)) {
        throw new RenderException("COS-TPL-008", "template nests too deeply (a macro that calls itself without end?)",
            t.getName(), "templates run on a " + (limits.stackBytes() >> 10) + " KiB stack; see docs/security.md", null);
      }
      if (causedBy(f, OutOfMemoryError.class)) {
        stop = Stop.HEAP;
      }
    }
    if (stop != null) {
      throw limit(t, stop, limits, null);
    }
    if (worker.isAlive()) {
      throw limit(t, Stop.TIME, limits, null);
    }
    if (f instanceof TemplateException te) {
      throw te;
    }
    if (f instanceof IOException io) {
      throw io;
    }
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f != null) {
      throw new RenderException("COS-TPL-005", "template failed: " + f.getClass().getSimpleName(), t.getName(), null, f);
    }
    return out.sb.toString();
  }

  private static boolean causedBy(Throwable f, Class<? extends Throwable> type) {
    for (Throwable c = f; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static RenderException limit(Template t, Stop stop, TemplateLimits limits, @Nullable Throwable cause) {
    return switch (stop) {
      case TIME -> new RenderException("COS-TPL-006", "template ran longer than its time limit of "
          + limits.time().toMillis() + " ms", t.getName(), "look for a loop without end; see docs/security.md to change the limit", cause);
      case OUTPUT -> new RenderException("COS-TPL-007", "template wrote more than its output limit of "
          + limits.maxOutputChars() + " characters", t.getName(), "see docs/security.md to change the limit", cause);
      case MEMORY -> new RenderException("COS-TPL-007", "template allocated more memory than its limit of "
          + (limits.maxAllocatedBytes() >> 20) + " MiB", t.getName(),
          "look for text that grows without end; see docs/security.md to change the limit", cause);
      case HEAP -> new RenderException("COS-TPL-007", "template ran out of memory: the JVM's heap of "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MiB filled before its allocation limit of "
          + (limits.maxAllocatedBytes() >> 20) + " MiB", t.getName(),
          "look for text that grows without end; lower the limit or raise -Xmx, see docs/security.md", cause);
    };
  }

  /** A buffer that refuses output past its limit, after the deadline, or once the run was stopped. */
  private static final class LimitedWriter extends Writer {
    private final StringBuilder sb = new StringBuilder(8192);
    private final long max;
    private final long deadline;
    volatile @Nullable Stop stop;

    LimitedWriter(long max, long deadline) {
      this.max = max;
      this.deadline = deadline;
    }

    void stop(Stop why) {
      if (stop == null) {
        stop = why;
      }
    }

    private void admit(int len) throws IOException {
      if (stop == null && System.nanoTime() - deadline > 0) {
        stop(Stop.TIME);
      }
      if (stop == null && (long) sb.length() + len > max) {
        stop(Stop.OUTPUT);
      }
      if (stop != null) {
        throw new IOException("template stopped: " + stop);
      }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      admit(len);
      sb.append(cbuf, off, len);
    }

    @Override
    public void write(String str) throws IOException {
      admit(str.length());
      sb.append(str);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      admit(len);
      sb.append(str, off, off + len);
    }

    @Override
    public void write(int c) throws IOException {
      admit(1);
      sb.append((char) c);
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
      admit(csq.length());
      sb.append(csq);
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Bytes allocated by one thread, where the JVM can tell (HotSpot can); otherwise always 0. */
  private static final class Allocation {
    private final Thread thread;
    private final java.lang.management.@Nullable ThreadMXBean bean;
    private long start;

    private Allocation(Thread thread, java.lang.management.@Nullable ThreadMXBean bean) {
      this.thread = thread;
      this.bean = bean;
    }

    static Allocation of(Thread thread) {
      java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()
          && sun.isThreadAllocatedMemoryEnabled()) {
        return new Allocation(thread, bean);
      }
      return new Allocation(thread, null);
    }

    void start() {
      start = bytes();
    }

    long since() {
      long now = bytes();
      return now < 0 || start < 0 ? 0 : now - start;
    }

    private long bytes() {
      return bean == null ? 0 : ((com.sun.management.ThreadMXBean) bean).getThreadAllocatedBytes(thread.getId());
    }
  }
}
