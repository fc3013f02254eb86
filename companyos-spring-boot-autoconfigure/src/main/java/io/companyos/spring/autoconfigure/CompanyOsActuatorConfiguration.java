package io.companyos.spring.autoconfigure;

import io.companyos.render.CompositeHealth;
import io.companyos.render.PackFormat;
import io.companyos.schedule.check.CheckResult;
import io.companyos.schedule.check.CheckStatus;
import io.companyos.schedule.check.HealthCheckRunner;
import io.companyos.scoring.health.HealthScore;
import io.companyos.scoring.health.HealthStatus;
import io.companyos.sources.Sources;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Actuator integration: the {@code companyos} health indicator and endpoint, when Actuator is present. */
@AutoConfiguration(after = CompanyOsAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, Endpoint.class})
public class CompanyOsActuatorConfiguration {

  @Bean(name = "companyosHealthIndicator")
  @ConditionalOnMissingBean(name = "companyosHealthIndicator")
  @ConditionalOnEnabledHealthIndicator("companyos")
  public HealthIndicator companyosHealthIndicator(HealthCheckRunner runner, CompanyOsPacks packs, Sources sources,
      ObjectProvider<HealthMonitor> monitor) {
    return () -> health(runner, packs, sources, monitor.getIfAvailable());
  }

  /**
   * DOWN when a check fires or fails, OUT_OF_SERVICE when the composite score is "at risk", else UP.
   * Evaluating never fires actions (the monitor does, when enabled; its latest results are used then).
   */
  static Health health(HealthCheckRunner runner, CompanyOsPacks packs, Sources sources, HealthMonitor monitor) {
    Instant at = packs.asOf();
    List<CheckResult> checks = monitor != null && !monitor.latest().isEmpty() ? monitor.latest() : runner.evaluate(at);
    HealthScore score = CompositeHealth.evaluate(packs.company(), sources.all(), at, java.time.ZoneOffset.UTC);
    Map<String, Object> details = new LinkedHashMap<>();
    Map<String, Object> checkDetails = new LinkedHashMap<>();
    boolean failing = false;
    for (CheckResult r : checks) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("status", r.status().name().toLowerCase(Locale.ROOT));
      d.put("value", r.value());
      d.put("threshold", r.check().threshold().toString());
      d.put("detail", r.detail());
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

  @Bean
  @ConditionalOnMissingBean
  public CompanyOsEndpoint companyOsEndpoint(CompanyOsPacks packs) {
    return new CompanyOsEndpoint(packs);
  }

  /** {@code /actuator/companyos}: the packs and their next generation; {@code /actuator/companyos/{pack}}: one pack as Markdown. */
  @Endpoint(id = "companyos")
  public static class CompanyOsEndpoint {
    private final CompanyOsPacks packs;

    public CompanyOsEndpoint(CompanyOsPacks packs) {
      this.packs = packs;
    }

    @ReadOperation
    public List<CompanyOsPacks.PackInfo> packs() {
      return packs.list();
    }

    @ReadOperation(produces = "text/markdown")
    public String pack(@Selector String pack) {
      return packs.render(pack, PackFormat.MD);
    }
  }
}
