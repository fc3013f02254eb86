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
 * @param health the health-check loop
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
   * The health-check loop.
   *
   * @param enabled run the checks every {@code interval} and fire their actions (default false)
   * @param interval how often (default 5m, the seed's "every 5 minutes")
   * @param cooldown how long a firing check waits before notifying again (default 1h)
   * @param stateFile where check state is kept between runs
   */
  public record Health(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("5m") Duration interval,
      @DefaultValue("1h") Duration cooldown,
      @DefaultValue(".companyos/health-state.json") Path stateFile) {
    public Health {
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("companyos.health.interval must be positive, was " + interval);
      }
      if (cooldown.isNegative()) {
        throw new IllegalArgumentException("companyos.health.cooldown must not be negative, was " + cooldown);
      }
    }
  }
}
