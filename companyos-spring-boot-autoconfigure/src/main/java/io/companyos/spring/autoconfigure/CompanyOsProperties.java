package io.companyos.spring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the CompanyOS rhythm engine ({@code companyos.*}).
 *
 * @param configDir company folder over the built-ins (packs, rhythm, checks, ...), laid out as
 *     {@code companyos init} writes it and read by the same loader as the CLI's {@code --config};
 *     unset = the built-in definitions of the seed
 * @param sourcesFile a {@code sources.yaml}; unset = the config-dir's {@code sources.yaml} when it has
 *     one, else the embedded sample company
 * @param outputDir where generated packs are stored ({@code <kind>/YYYY-MM-DD.md})
 * @param zone time zone packs show dates in
 * @param schedule scheduled pack generation
 * @param health the health checks: the loop that delivers their notifications, and the Actuator health of the company
 */
@ConfigurationProperties("companyos")
public record CompanyOsProperties(
    @Nullable Path configDir,
    @Nullable Path sourcesFile,
    @DefaultValue("docs/meetings") Path outputDir,
    @DefaultValue("UTC") ZoneId zone,
    @DefaultValue Schedule schedule,
    @DefaultValue Health health) {

  public CompanyOsProperties {
    if (configDir != null && !Files.isDirectory(configDir)) {
      throw new IllegalArgumentException("companyos.config-dir '" + configDir + "' is not a directory");
    }
    if (sourcesFile != null && !Files.isRegularFile(sourcesFile)) {
      throw new IllegalArgumentException("companyos.sources-file '" + sourcesFile + "' is not a file");
    }
  }

  /**
   * Scheduled pack generation.
   *
   * @param enabled generate each pack at its cron or lead time before its meeting (default false)
   */
  public record Schedule(@DefaultValue("false") boolean enabled) {}

  /**
   * The health checks.
   *
   * @param enabled run the checks every {@code interval} and deliver their notifications (default false)
   * @param interval how often (default 5m, the seed's "every 5 minutes")
   * @param cooldown how long a notified, still firing check waits before reminding (default 1h)
   * @param stateFile where check state is kept between runs (locked per run; the same file as the CLI's {@code --state})
   * @param includeInOverall also count the company's health (firing checks, an at-risk score) in the overall
   *     {@code /actuator/health} status; by default it is only in its own health group, {@code /actuator/health/companyos},
   *     so a business signal never takes the service out of a load balancer (default false)
   * @param cacheTtl how long the health indicator reuses its last evaluation before querying the sources again (default 30s;
   *     0 = every call)
   */
  public record Health(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("5m") Duration interval,
      @DefaultValue("1h") Duration cooldown,
      @DefaultValue(".companyos/health-state.json") Path stateFile,
      @DefaultValue("false") boolean includeInOverall,
      @DefaultValue("30s") Duration cacheTtl) {
    public Health {
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("companyos.health.interval must be positive, was " + interval);
      }
      if (cooldown.isNegative()) {
        throw new IllegalArgumentException("companyos.health.cooldown must not be negative, was " + cooldown);
      }
      if (cacheTtl.isNegative()) {
        throw new IllegalArgumentException("companyos.health.cache-ttl must not be negative, was " + cacheTtl);
      }
    }
  }
}
