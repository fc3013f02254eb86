package io.companyos.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter with the real auto-configurations of Spring Boot's metrics and health endpoint, as an application gets
 * them — no registry or health group supplied by the test.
 */
class ProductionStarterTest {
  @TempDir Path out;

  ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(
            // Listed before Boot's on purpose: the ordering must come from the auto-configurations themselves.
            CompanyOsAutoConfiguration.class, CompanyOsMetricsConfiguration.class, CompanyOsActuatorConfiguration.class,
            MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
            EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
        .withPropertyValues("companyos.output-dir=" + out, "management.endpoint.health.show-details=always");
  }

  @Test
  void everyDocumentedMeterIsRegisteredInBootsOwnRegistry() {
    runner().run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(MeterRegistry.class).hasSingleBean(PackMetrics.class);
      MeterRegistry registry = ctx.getBean(MeterRegistry.class);
      // At startup: ten packs, two outcomes each; one unavailable-sections counter per pack; one gauge per check.
      assertThat(registry.find("companyos.pack.generation").timers()).hasSize(20);
      assertThat(registry.find("companyos.pack.sections.unavailable").counters()).hasSize(10);
      assertThat(registry.find("companyos.health.check.state").gauges()).hasSize(3);
      // The source timer appears with the first source call, e.g. a health evaluation.
      ctx.getBean(CompanyHealth.class).health();
      assertThat(registry.find("companyos.source.requests").tag("source", "sample").timers()).isNotEmpty();
    });
  }

  @Test
  void theCompanysHealthIsItsOwnGroupNotTheOverallStatus() {
    runner().run(ctx -> {
      HealthEndpoint endpoint = ctx.getBean(HealthEndpoint.class);
      // Critical CVEs are open in the sample company: the company is DOWN, the service is not.
      HealthComponent overall = endpoint.health();
      assertThat(overall.getStatus()).isEqualTo(Status.UP);
      assertThat(((CompositeHealth) overall).getComponents()).containsKey("ping").doesNotContainKey("companyos");
      // /actuator/health/companyos: the group of the company's health alone.
      HealthComponent group = endpoint.healthForPath("companyos");
      assertThat(group.getStatus()).isEqualTo(Status.DOWN);
      Health company = (Health) ((CompositeHealth) group).getComponents().get("companyos");
      assertThat(company.getDetails().get("checks").toString()).contains("Security Posture").contains("severity=P3");
    });
  }

  @Test
  void countingItInTheOverallStatusIsAnOptIn() {
    runner().withPropertyValues("companyos.health.include-in-overall=true").run(ctx ->
        assertThat(ctx.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.DOWN));
  }

  @Test
  void healthIsCachedForItsTtlSoAProbeDoesNotQueryEverySource() {
    runner().run(ctx -> {
      MeterRegistry registry = ctx.getBean(MeterRegistry.class);
      CompanyHealth health = ctx.getBean(CompanyHealth.class);
      health.health();
      long calls = sourceCalls(registry);
      assertThat(calls).isPositive();
      health.health();
      health.health();
      assertThat(sourceCalls(registry)).isEqualTo(calls);
    });
    runner().withPropertyValues("companyos.health.cache-ttl=0s").run(ctx -> {
      MeterRegistry registry = ctx.getBean(MeterRegistry.class);
      CompanyHealth health = ctx.getBean(CompanyHealth.class);
      health.health();
      long calls = sourceCalls(registry);
      health.health();
      // Without a cache every evaluation queries the sources again, the same number of times.
      assertThat(sourceCalls(registry)).isEqualTo(2 * calls);
    });
  }

  static long sourceCalls(MeterRegistry registry) {
    return registry.find("companyos.source.requests").timers().stream().mapToLong(t -> t.count()).sum();
  }

  /** The application's own clock (not ours to use) and the engine's, qualified. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Clocks {
    @org.springframework.context.annotation.Bean
    Clock applicationClock() {
      return Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    }

    @org.springframework.context.annotation.Bean
    @CompanyOsClock
    Clock engineClock() {
      return Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    }
  }

  @Test
  void noClockBeanIsAddedToTheUsersContextAndTheQualifiedOneIsUsed(@TempDir Path state) {
    runner().run(ctx -> assertThat(ctx).doesNotHaveBean(Clock.class));
    runner()
        .withPropertyValues("companyos.health.enabled=true", "companyos.health.state-file=" + state.resolve("s.json"),
            "companyos.health.interval=1h")
        .withUserConfiguration(Clocks.class)
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBeansOfType(Clock.class)).hasSize(2);
          List<?> results = ctx.getBean(HealthMonitor.class).runOnce();
          assertThat(results).hasSize(3);
          assertThat(Files.readString(state.resolve("s.json"))).contains("\"since\" : \"2026-11-23T10:15:00Z\"")
              .doesNotContain("2030-01-01");
        });
  }
}
