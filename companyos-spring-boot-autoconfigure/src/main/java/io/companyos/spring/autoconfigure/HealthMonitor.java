package io.companyos.spring.autoconfigure;

import io.companyos.schedule.check.CheckResult;
import io.companyos.schedule.check.CheckStateStore;
import io.companyos.schedule.check.CheckStatus;
import io.companyos.schedule.check.HealthCheckRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Runs the health checks every {@code interval} and delivers their notifications (receipts, retries of what is
 * owed, cool-down, escalation — see {@link HealthCheckRunner}), keeping the latest results for the health indicator
 * and the gauges. Each run opens (and locks) the state file and closes it, so a {@code companyos check} against the
 * same file is serialised with it rather than racing it.
 */
public class HealthMonitor implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

  private final HealthCheckRunner runner;
  private final TaskScheduler scheduler;
  private final Duration interval;
  private final Path stateFile;
  private final Clock clock;
  private volatile List<CheckResult> latest = List.of();
  private volatile ScheduledFuture<?> task;

  public HealthMonitor(HealthCheckRunner runner, TaskScheduler scheduler, Duration interval, Path stateFile, Clock clock) {
    this.runner = runner;
    this.scheduler = scheduler;
    this.interval = interval;
    this.stateFile = stateFile;
    this.clock = clock;
  }

  /** Runs the checks now. */
  public synchronized List<CheckResult> runOnce() {
    try (CheckStateStore state = CheckStateStore.open(stateFile)) {
      state.recovery().ifPresent(r -> LOG.error("{}", r));
      latest = runner.runOnce(clock.instant(), state);
      latest.stream().filter(r -> r.delivery() != null && r.delivery().undelivered()).forEach(r -> LOG.warn(
          "health check '{}': {} still owed after {} failed runs ({})", r.check().name(), r.delivery().owed(), r.delivery().failedRuns(),
          r.delivery().lastFailure()));
    } catch (RuntimeException e) {
      LOG.warn("health checks failed: {}", e.toString());
    }
    return latest;
  }

  public List<CheckResult> latest() {
    return latest;
  }

  /** 0 ok, 1 firing, 2 no data, 3 error, 4 stale — the value of the {@code companyos.health.check.state} gauge. */
  static int code(CheckStatus s) {
    return switch (s) {
      case OK -> 0;
      case FIRING -> 1;
      case NO_DATA -> 2;
      case ERROR -> 3;
      case STALE -> 4;
    };
  }

  @Override
  public void start() {
    task = scheduler.scheduleAtFixedRate(this::runOnce, interval);
  }

  @Override
  public void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  @Override
  public boolean isRunning() {
    return task != null && !task.isCancelled();
  }
}
