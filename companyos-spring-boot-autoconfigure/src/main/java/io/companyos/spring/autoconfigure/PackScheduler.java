package io.companyos.spring.autoconfigure;

import io.companyos.model.pack.PackDefinition;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Generates each pack at its next run (its cron in its time zone, or its lead time before its meeting),
 * then schedules the following run. Uses the application's {@link TaskScheduler}.
 */
public class PackScheduler implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(PackScheduler.class);

  private final CompanyOsPacks packs;
  private final TaskScheduler scheduler;
  private final Map<String, Instant> next = new TreeMap<>();
  private volatile boolean running;

  public PackScheduler(CompanyOsPacks packs, TaskScheduler scheduler) {
    this.packs = packs;
    this.scheduler = scheduler;
  }

  @Override
  public void start() {
    running = true;
    Instant now = packs.asOf();
    for (PackDefinition p : packs.company().packs()) {
      scheduleNext(p, now);
    }
  }

  private void scheduleNext(PackDefinition pack, Instant after) {
    packs.nextRun(pack, after).ifPresent(at -> {
      synchronized (next) {
        next.put(pack.id(), at);
      }
      scheduler.schedule(() -> run(pack, at), at);
    });
  }

  private void run(PackDefinition pack, Instant at) {
    if (!running) {
      return;
    }
    try {
      LOG.info("generated pack {}: {}", pack.id(), packs.generate(pack, at));
    } catch (RuntimeException e) {
      LOG.warn("pack {} failed: {}", pack.id(), e.toString());
    }
    scheduleNext(pack, at);
  }

  /** The next scheduled generation of each pack. */
  public Map<String, Instant> nextRuns() {
    synchronized (next) {
      return Map.copyOf(next);
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
