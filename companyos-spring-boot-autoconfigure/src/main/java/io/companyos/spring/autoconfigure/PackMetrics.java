package io.companyos.spring.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of pack generation:
 * {@code companyos.pack.generation} (timer; tags {@code pack}, {@code outcome} = success|failure) and
 * {@code companyos.pack.sections.unavailable} (counter; tag {@code pack}).
 */
public class PackMetrics {
  private final MeterRegistry registry;

  public PackMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the meters of {@code pack} at zero, so they are listed before its first generation. */
  void register(String pack) {
    timer(pack, true);
    timer(pack, false);
    counter(pack);
  }

  void generated(String pack, boolean success, long nanos) {
    timer(pack, success).record(nanos, TimeUnit.NANOSECONDS);
  }

  void unavailable(String pack, long sections) {
    counter(pack).increment(sections);
  }

  private Timer timer(String pack, boolean success) {
    return Timer.builder("companyos.pack.generation").description("Time to assemble, render and store a pack")
        .tag("pack", pack).tag("outcome", success ? "success" : "failure").register(registry);
  }

  private Counter counter(String pack) {
    return Counter.builder("companyos.pack.sections.unavailable").description("Sections that could not be filled")
        .tag("pack", pack).register(registry);
  }
}
