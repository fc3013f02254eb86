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

  void generated(String pack, boolean success, long nanos) {
    Timer.builder("companyos.pack.generation").description("Time to assemble, render and store a pack")
        .tag("pack", pack).tag("outcome", success ? "success" : "failure").register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  void unavailable(String pack, long sections) {
    Counter.builder("companyos.pack.sections.unavailable").description("Sections that could not be filled")
        .tag("pack", pack).register(registry).increment(sections);
  }
}
