package io.companyos.spring.autoconfigure;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.CompanyFolder;
import io.companyos.model.config.DefinitionLoader;
import io.companyos.render.ArtifactStore;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackRenderer;
import io.companyos.schedule.check.ActionContext;
import io.companyos.schedule.check.ActionRegistry;
import io.companyos.schedule.check.Escalation;
import io.companyos.schedule.check.HealthCheckRunner;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The rhythm engine as beans. Every bean is {@code @ConditionalOnMissingBean}: declare your own of the
 * same type to replace it. No {@link Clock} bean is registered: the engine's clock is a {@link CompanyOsClock}
 * qualified bean when you declare one, else {@code Clock.systemUTC()}.
 */
@AutoConfiguration
@EnableConfigurationProperties(CompanyOsProperties.class)
public class CompanyOsAutoConfiguration {

  /** The engine's clock: the {@link CompanyOsClock} bean, else the system clock in UTC. */
  static Clock clock(ObjectProvider<Clock> qualified) {
    return qualified.getIfAvailable(Clock::systemUTC);
  }

  @Bean
  @ConditionalOnMissingBean
  public SourceRegistry companyOsSourceRegistry() {
    return SourceRegistry.discover();
  }

  @Bean
  @ConditionalOnMissingBean
  public CompanyDefinition companyOsDefinition(CompanyOsProperties props) {
    try {
      return folder(props).load();
    } catch (io.companyos.model.config.ConfigException e) {
      // Every problem on its own line, located, so the startup failure says what to fix.
      throw new IllegalStateException("companyos.config-dir '" + props.configDir() + "' has " + e.problems().size()
          + (e.problems().size() == 1 ? " problem" : " problems") + ":\n" + e.problems().stream()
          .map(io.companyos.model.config.ConfigProblem::oneLine).collect(java.util.stream.Collectors.joining("\n")), e);
    }
  }

  /** The company folder of {@code companyos.config-dir}, decided and loaded as the CLI's {@code --config} does. */
  static CompanyFolder folder(CompanyOsProperties props) {
    return props.configDir() == null ? CompanyFolder.builtin() : CompanyFolder.of(List.of(props.configDir()));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Sources companyOsSources(SourceRegistry registry, CompanyOsProperties props, @CompanyOsClock ObjectProvider<Clock> clockBean) {
    Clock clock = clock(clockBean);
    Path file = props.sourcesFile() != null ? props.sourcesFile() : folder(props).sourcesFile().orElse(null);
    if (file == null) {
      return registry.openDefault(clock);
    }
    Path parent = file.toAbsolutePath().getParent();
    return registry.open(new DefinitionLoader().loadSources(file), clock, parent != null ? parent : Path.of("."));
  }

  @Bean
  @ConditionalOnMissingBean
  public PackAssembler companyOsPackAssembler(CompanyDefinition company, Sources sources, ObjectProvider<MeterRegistry> meters) {
    return new PackAssembler(company, metered(sources.all(), meters));
  }

  /** The sources, each timed when Micrometer is present (see {@link MeteredSource}). */
  static List<MetricSource> metered(List<MetricSource> sources, ObjectProvider<MeterRegistry> meters) {
    if (!MICROMETER) {
      return sources;
    }
    MeterRegistry registry = meters.getIfAvailable();
    return registry == null ? sources : sources.stream().map(s -> (MetricSource) new MeteredSource(s, registry)).toList();
  }

  private static final boolean MICROMETER = isPresent("io.micrometer.core.instrument.MeterRegistry");

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, CompanyOsAutoConfiguration.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Bean
  @ConditionalOnMissingBean
  public PackRenderer companyOsPackRenderer() {
    return new PackRenderer();
  }

  @Bean
  @ConditionalOnMissingBean
  public ArtifactStore companyOsArtifactStore(CompanyOsProperties props) {
    return new ArtifactStore(props.outputDir());
  }

  @Bean
  @ConditionalOnMissingBean
  public HealthCheckRunner companyOsHealthCheckRunner(CompanyDefinition company, Sources sources, CompanyOsProperties props,
      ObjectProvider<MeterRegistry> meters) {
    // Escalations name the accountable role of the RACI (people are not known here: no directory in a service).
    return new HealthCheckRunner(company.healthChecks().checks(), metered(sources.all(), meters),
        ActionRegistry.discover(), ActionContext.defaults(),
        new HealthCheckRunner.Settings(props.health().cooldown(), HealthCheckRunner.Retry.DEFAULT, Escalation.of(company, role -> List.of())))
        .withSlos(company.slos());
  }

  @Bean
  @ConditionalOnMissingBean
  public CompanyOsPacks companyOsPacks(CompanyDefinition company, Sources sources, PackAssembler assembler, PackRenderer renderer,
      ArtifactStore store, CompanyOsProperties props, @CompanyOsClock ObjectProvider<Clock> clock, ObjectProvider<PackMetrics> metrics) {
    return new CompanyOsPacks(company, sources, assembler, renderer, store, props.zone(), clock(clock), metrics.getIfAvailable());
  }

  @Bean
  @ConditionalOnProperty(prefix = "companyos.schedule", name = "enabled", havingValue = "true")
  @ConditionalOnMissingBean
  public PackScheduler companyOsPackScheduler(CompanyOsPacks packs, ObjectProvider<TaskScheduler> scheduler) {
    return new PackScheduler(packs, scheduler.getIfAvailable(CompanyOsAutoConfiguration::ownScheduler));
  }

  @Bean
  @ConditionalOnProperty(prefix = "companyos.health", name = "enabled", havingValue = "true")
  @ConditionalOnMissingBean
  public HealthMonitor companyOsHealthMonitor(HealthCheckRunner runner, CompanyOsProperties props,
      @CompanyOsClock ObjectProvider<Clock> clock, ObjectProvider<TaskScheduler> scheduler) {
    return new HealthMonitor(runner, scheduler.getIfAvailable(CompanyOsAutoConfiguration::ownScheduler), props.health().interval(),
        props.health().stateFile(), clock(clock));
  }

  private static TaskScheduler ownScheduler() {
    ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
    s.setThreadNamePrefix("companyos-");
    s.setDaemon(true);
    s.initialize();
    return s;
  }
}
