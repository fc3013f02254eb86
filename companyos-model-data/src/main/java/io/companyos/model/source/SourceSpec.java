package io.companyos.model.source;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One configured metric source: its id (named in provenance), the provider type that creates it, the
 * provider's options, the per-source timeout and retry count, and the record kinds and metric names it
 * claims (see {@link SourceClaims}). Secrets are never options: an option ending in {@code _env} names
 * the environment variable that holds the secret.
 */
public record SourceSpec(String id, String type, Map<String, String> options, Duration timeout, int retries,
    SourceClaims claims) {
  /** Timeout when the YAML sets none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** Retries when the YAML sets none. */
  public static final int DEFAULT_RETRIES = 2;

  public SourceSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    options = Map.copyOf(options);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0");
    }
    Objects.requireNonNull(claims, "claims");
  }

  /** A source without claims: it serves what it describes, in file order. */
  public SourceSpec(String id, String type, Map<String, String> options, Duration timeout, int retries) {
    this(id, type, options, timeout, retries, SourceClaims.NONE);
  }

  /** This source with {@code options} instead of its own. */
  public SourceSpec withOptions(Map<String, String> newOptions) {
    return new SourceSpec(id, type, newOptions, timeout, retries, claims);
  }

  /** A source with the default timeout and retries. */
  public static SourceSpec of(String id, String type, Map<String, String> options) {
    return new SourceSpec(id, type, options, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
  }

  /** Options in key order; values are printed as given (they hold no secrets by construction). */
  @Override
  public String toString() {
    return "SourceSpec[id=" + id + ", type=" + type + ", options=" + new TreeMap<>(options) + ", timeout=" + timeout
        + ", retries=" + retries + (claims.claimsRecords() ? ", records=" + claims.records() : "")
        + (claims.claimsMetrics() ? ", metrics=" + claims.metrics() : "") + "]";
  }
}
