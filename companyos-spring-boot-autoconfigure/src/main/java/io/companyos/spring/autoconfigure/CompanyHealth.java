package io.companyos.spring.autoconfigure;

import io.companyos.render.CompositeHealth;
import io.companyos.schedule.check.CheckResult;
import io.companyos.schedule.check.CheckStatus;
import io.companyos.schedule.check.HealthCheckRunner;
import io.companyos.scoring.health.HealthScore;
import io.companyos.scoring.health.HealthStatus;
import io.companyos.sources.MetricSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The company's health as an Actuator {@link HealthIndicator}: DOWN while a check fires or fails, OUT_OF_SERVICE
 * when the composite health score is "at risk", otherwise UP, with each check and the score in the details.
 * Evaluating queries the sources, so the result is reused for {@code ttl} (one evaluation at a time; callers
 * meanwhile wait for it rather than starting their own), and a first evaluation starts in the background once the
 * application is ready, so the first probe does not pay for it. Evaluating never fires an action; when the
 * {@link HealthMonitor} runs, its latest results are used for the checks.
 */
public class CompanyHealth implements HealthIndicator, ApplicationListener<ApplicationReadyEvent> {
  private final HealthCheckRunner runner;
  private final CompanyOsPacks packs;
  private final List<MetricSource> sources;
  private final ZoneId zone;
  private final ObjectProvider<HealthMonitor> monitor;
  private final Duration ttl;
  private @Nullable Health cached;
  private long cachedAt;

  public CompanyHealth(HealthCheckRunner runner, CompanyOsPacks packs, List<MetricSource> sources, ZoneId zone,
      ObjectProvider<HealthMonitor> monitor, Duration ttl) {
    this.runner = runner;
    this.packs = packs;
    this.sources = List.copyOf(sources);
    this.zone = zone;
    this.monitor = monitor;
    this.ttl = ttl;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (ttl.isZero()) {
      return;
    }
    Thread warmUp = new Thread(() -> {
      try {
        health();
      } catch (RuntimeException e) {
        // the first probe evaluates again and reports it
      }
    }, "companyos-health-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  @Override
  public synchronized Health health() {
    long now = System.nanoTime();
    if (cached == null || now - cachedAt >= ttl.toNanos()) {
      cached = evaluate();
      cachedAt = System.nanoTime();
    }
    return cached;
  }

  private Health evaluate() {
    Instant at = packs.asOf();
    HealthMonitor m = monitor.getIfAvailable();
    List<CheckResult> checks = m != null && !m.latest().isEmpty() ? m.latest() : runner.evaluate(at);
    HealthScore score = CompositeHealth.evaluate(packs.company(), sources, at, zone);
    Map<String, Object> details = new LinkedHashMap<>();
    Map<String, Object> checkDetails = new LinkedHashMap<>();
    boolean failing = false;
    for (CheckResult r : checks) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("status", r.status().name().toLowerCase(Locale.ROOT));
      d.put("value", r.value());
      d.put("threshold", r.check().threshold().toString());
      d.put("detail", r.detail());
      if (r.severity() != null) {
        d.put("severity", r.severity());
      }
      if (r.delivery() != null) {
        d.put("state", r.delivery().state().name().toLowerCase(Locale.ROOT));
      }
      checkDetails.put(r.check().name(), d);
      failing |= r.status() == CheckStatus.FIRING || r.status() == CheckStatus.ERROR || r.status() == CheckStatus.STALE;
    }
    details.put("asOf", at.toString());
    details.put("healthScore", score.score().isPresent() ? score.score().getAsDouble() : "n/a (no KPI has data)");
    details.put("healthStatus", score.status() == null ? "n/a" : score.status().label());
    details.put("checks", checkDetails);
    Health.Builder b = failing ? Health.down() : score.status() == HealthStatus.AT_RISK ? Health.outOfService() : Health.up();
    return b.withDetails(details).build();
  }
}
