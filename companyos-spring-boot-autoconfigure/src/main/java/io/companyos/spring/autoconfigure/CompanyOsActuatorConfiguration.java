package io.companyos.spring.autoconfigure;

import io.companyos.render.PackFormat;
import io.companyos.schedule.check.HealthCheckRunner;
import io.companyos.sources.Sources;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Actuator integration, when Actuator is present: the {@code companyos} health indicator in a health group of its
 * own, and the {@code companyos} endpoint.
 *
 * <p>The company's health is a business signal — a firing check says an open critical CVE, not that this service is
 * broken — so it is left out of the overall {@code /actuator/health} status (and so out of the liveness and readiness
 * probes) and reported at {@code /actuator/health/companyos}, a group holding only it. {@code companyos.health.include-in-overall=true}
 * counts it in the overall status too; to add it to a probe group, include it there
 * ({@code management.endpoint.health.group.readiness.include=readinessState,companyos}).
 */
@AutoConfiguration(after = {CompanyOsAutoConfiguration.class, CompanyOsMetricsConfiguration.class})
@ConditionalOnClass({HealthIndicator.class, Endpoint.class})
public class CompanyOsActuatorConfiguration {
  /** The name of the health indicator and of its group. */
  public static final String HEALTH = "companyos";

  @Bean(name = "companyosHealthIndicator")
  @ConditionalOnMissingBean(name = "companyosHealthIndicator")
  @ConditionalOnEnabledHealthIndicator("companyos")
  public CompanyHealth companyosHealthIndicator(HealthCheckRunner runner, CompanyOsPacks packs, Sources sources,
      CompanyOsProperties props, ObjectProvider<HealthMonitor> monitor, ObjectProvider<MeterRegistry> meters) {
    return new CompanyHealth(runner, packs, CompanyOsAutoConfiguration.metered(sources.all(), meters), props.zone(), monitor,
        props.health().cacheTtl());
  }

  /** Puts the company's health in its own group and, unless asked to, out of the overall status. */
  @Bean
  @ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
  public HealthEndpointGroupsPostProcessor companyOsHealthGroups(CompanyOsProperties props) {
    return groups -> withCompanyGroup(groups, props.health().includeInOverall());
  }

  static HealthEndpointGroups withCompanyGroup(HealthEndpointGroups groups, boolean includeInOverall) {
    HealthEndpointGroup primary = groups.getPrimary();
    HealthEndpointGroup overall = includeInOverall ? primary
        : new Group(primary, name -> !name.equals(HEALTH) && primary.isMember(name), primary.getAdditionalPath());
    Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
    for (String name : groups.getNames()) {
      named.put(name, groups.get(name));
    }
    named.putIfAbsent(HEALTH, new Group(primary, HEALTH::equals, null));
    return HealthEndpointGroups.of(overall, named);
  }

  /** A health group like {@code settings} (what it shows, how it aggregates) with its own members. */
  private record Group(HealthEndpointGroup settings, Predicate<String> members, @Nullable AdditionalHealthEndpointPath additionalPath)
      implements HealthEndpointGroup {
    @Override
    public boolean isMember(String name) {
      return members.test(name);
    }

    @Override
    public boolean showComponents(SecurityContext securityContext) {
      return settings.showComponents(securityContext);
    }

    @Override
    public boolean showDetails(SecurityContext securityContext) {
      return settings.showDetails(securityContext);
    }

    @Override
    public StatusAggregator getStatusAggregator() {
      return settings.getStatusAggregator();
    }

    @Override
    public HttpCodeStatusMapper getHttpCodeStatusMapper() {
      return settings.getHttpCodeStatusMapper();
    }

    @Override
    public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
      return additionalPath;
    }
  }

  @Bean
  @ConditionalOnMissingBean
  public CompanyOsEndpoint companyOsEndpoint(CompanyOsPacks packs) {
    return new CompanyOsEndpoint(packs);
  }

  /**
   * {@code /actuator/companyos}: the packs and their next generation; {@code /actuator/companyos/{pack}}: one pack as
   * Markdown, 404 for a pack the company does not have.
   */
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

    /** The pack as Markdown; null (HTTP 404) for an unknown pack. */
    @ReadOperation(produces = "text/markdown")
    public @Nullable String pack(@Selector String pack) {
      return packs.find(pack).map(p -> packs.render(p.id(), PackFormat.MD)).orElse(null);
    }
  }
}
