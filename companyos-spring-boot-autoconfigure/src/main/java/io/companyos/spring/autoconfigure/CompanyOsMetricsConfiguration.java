package io.companyos.spring.autoconfigure;

import io.companyos.model.CompanyDefinition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the rhythm engine, when Micrometer is on the class path and a {@link MeterRegistry} exists.
 * Evaluated after Spring Boot's metrics auto-configuration — which is where the registry of an application comes
 * from — so {@code @ConditionalOnBean(MeterRegistry.class)} sees it. Every meter is registered at startup (the pack
 * meters at zero for each pack), so {@code /actuator/metrics} lists them before the first pack is generated.
 */
@AutoConfiguration(after = CompanyOsAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
public class CompanyOsMetricsConfiguration {

  @Bean
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnMissingBean
  public PackMetrics companyOsPackMetrics(MeterRegistry registry, CompanyDefinition company, ObjectProvider<HealthMonitor> monitor) {
    // companyos.health.check.state{check}: 0 ok, 1 firing, 2 no data, 3 error, 4 stale (-1 before the first run).
    company.healthChecks().checks().forEach(c -> Gauge.builder("companyos.health.check.state", () -> monitor.stream()
        .flatMap(m -> m.latest().stream()).filter(r -> r.check().name().equals(c.name())).mapToInt(r -> HealthMonitor.code(r.status()))
        .findFirst().orElse(-1)).tag("check", c.name()).description("State of a health check").register(registry));
    PackMetrics metrics = new PackMetrics(registry);
    company.packs().forEach(p -> metrics.register(p.id()));
    return metrics;
  }
}
