package io.companyos.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.CompanyDefinition;
import io.companyos.render.ArtifactStore;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackRenderer;
import io.companyos.schedule.check.HealthCheckRunner;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class CompanyOsAutoConfigurationTest {
  @TempDir Path out;

  ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CompanyOsAutoConfiguration.class, CompanyOsMetricsConfiguration.class,
            CompanyOsActuatorConfiguration.class))
        .withPropertyValues("companyos.output-dir=" + out);
  }

  @Test
  void everyBeanIsThereByDefault() {
    runner().run(ctx -> {
      assertThat(ctx).hasNotFailed();
      for (Class<?> type : List.of(SourceRegistry.class, CompanyDefinition.class, Sources.class, PackAssembler.class, PackRenderer.class,
          ArtifactStore.class, HealthCheckRunner.class, CompanyOsPacks.class)) {
        assertThat(ctx).hasSingleBean(type);
      }
      assertThat(ctx).doesNotHaveBean(PackScheduler.class).doesNotHaveBean(HealthMonitor.class);
      assertThat(ctx.getBean(CompanyOsPacks.class).list()).hasSize(10);
    });
  }

  @Test
  void aUserBeanReplacesOurs() {
    PackRenderer mine = new PackRenderer();
    runner().withBean(PackRenderer.class, () -> mine).run(ctx -> assertThat(ctx.getBean(PackRenderer.class)).isSameAs(mine));
  }

  @Test
  void badPropertiesFailFastNamingTheProperty() {
    runner().withPropertyValues("companyos.health.interval=0s").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("companyos.health.interval must be positive");
    });
    runner().withPropertyValues("companyos.config-dir=/no/such/dir").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("companyos.config-dir '/no/such/dir' is not a directory");
    });
  }

  @Test
  void withoutActuatorThereIsNoHealthIndicator() {
    runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("companyosHealthIndicator"));
  }

  @Test
  void withoutMicrometerEverythingElseStillWorks() {
    runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(ctx -> {
      assertThat(ctx).hasNotFailed().doesNotHaveBean(PackMetrics.class);
      assertThat(ctx.getBean(CompanyOsPacks.class).render("ops-review", io.companyos.render.PackFormat.MD)).startsWith("## Weekly Ops Review");
    });
  }

  @Test
  void theHealthIndicatorIsDownWhileAChecksFiresAndFiresNothing() {
    runner().run(ctx -> {
      var health = ctx.getBean("companyosHealthIndicator", HealthIndicator.class).health();
      // On the sample company critical CVEs are open: the security check fires -> DOWN, with details.
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsKeys("healthScore", "healthStatus", "checks", "asOf");
      assertThat(health.getDetails().get("checks").toString()).contains("Security Posture").contains("firing");
    });
  }

  @Test
  void theEndpointListsPacksAndRendersOneAndAnUnknownPackIsNotFound() {
    runner().run(ctx -> {
      var endpoint = ctx.getBean(CompanyOsActuatorConfiguration.CompanyOsEndpoint.class);
      assertThat(endpoint.packs()).extracting(CompanyOsPacks.PackInfo::id).contains("ops-review", "qbr");
      assertThat(endpoint.pack("ops-review")).startsWith("## Weekly Ops Review - Week 47");
      // null is Actuator's "404 Not Found" for a read operation.
      assertThat(endpoint.pack("no-such-pack")).isNull();
    });
  }

  /** A scheduler that records what it is asked to run instead of running it. */
  static final class RecordingScheduler extends ThreadPoolTaskScheduler {
    private static final long serialVersionUID = 1L;
    final List<Instant> scheduled = new ArrayList<>();

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
      scheduled.add(startTime);
      return null;
    }
  }

  @Test
  void scheduledGenerationUsesTheUsersTaskSchedulerAndEachPacksNextRun() {
    RecordingScheduler scheduler = new RecordingScheduler();
    runner().withPropertyValues("companyos.schedule.enabled=true").withBean(ThreadPoolTaskScheduler.class, () -> scheduler).run(ctx -> {
      assertThat(ctx).hasSingleBean(PackScheduler.class);
      // Ops review: cron 0 8 * * 1; after the sample's as-of (Mon 23 Nov 09:00) the next run is Mon 30 Nov 08:00.
      assertThat(ctx.getBean(PackScheduler.class).nextRuns()).containsEntry("ops-review", Instant.parse("2026-11-30T08:00:00Z"));
      assertThat(scheduler.scheduled).hasSize(10);
    });
  }

  @Test
  void generatingAPackStoresItAndRecordsMetrics() {
    runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(ctx -> {
      CompanyOsPacks packs = ctx.getBean(CompanyOsPacks.class);
      ArtifactStore.Stored stored = packs.generate(packs.pack("ops-review"), packs.asOf());
      assertThat(stored.path()).exists().hasFileName("2026-11-23.md");
      MeterRegistry registry = ctx.getBean(MeterRegistry.class);
      assertThat(registry.get("companyos.pack.generation").tag("pack", "ops-review").tag("outcome", "success").timer().count()).isEqualTo(1);
      assertThat(registry.get("companyos.health.check.state").tag("check", "Security Posture").gauge().value()).isEqualTo(-1.0);
      // Registered at startup for every pack, at zero until generated.
      assertThat(registry.get("companyos.pack.generation").tag("pack", "qbr").tag("outcome", "success").timer().count()).isZero();
      // Every source call of the assembly was timed, tagged with the source and the kind of query.
      assertThat(registry.get("companyos.source.requests").tag("source", "sample").tag("query", "records").tag("outcome", "success")
          .timer().count()).isPositive();
    });
  }
}
