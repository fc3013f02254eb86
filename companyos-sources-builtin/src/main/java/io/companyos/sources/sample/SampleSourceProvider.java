package io.companyos.sources.sample;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Provider of the {@code sample} source. Options: {@code seed} (default {@value #DEFAULT_SEED}),
 * {@code as_of} (ISO-8601 instant, default {@link #DEFAULT_AS_OF}), {@code history_days} (default
 * {@value #DEFAULT_HISTORY_DAYS}, five quarters and a bit).
 *
 * <p>The sample company is one fixed history in calendar time. It starts {@code history_days} days before
 * the day of {@link #DEFAULT_AS_OF} (by default on 2025-08-20), its story (error spike, repeat incident,
 * cost spike, ...) sits at fixed instants counted back from {@link #DEFAULT_AS_OF}, and it goes on, growing,
 * after it. The rows of a day depend on the seed and the day alone; {@code as_of} only decides what is known:
 * rows whose time lies after it do not exist yet, and lifecycle times after it (an incident's resolution, a
 * pull request's merge) are not known yet. An {@code as_of} on or before the start gives an empty company.
 */
public final class SampleSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: sample}). */
  public static final String ID = "sample";
  /** The fixed seed of the embedded sample company. */
  public static final long DEFAULT_SEED = 20251207L;
  /** The sample company's "now": Monday 23 November 2026, 09:00 UTC. */
  public static final Instant DEFAULT_AS_OF = Instant.parse("2026-11-23T09:00:00Z");
  /** Days of history before the day of {@link #DEFAULT_AS_OF}: where the fixed calendar starts. */
  public static final int DEFAULT_HISTORY_DAYS = 460;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    long seed = context.option("seed").map(v -> parseLong(context, "seed", v)).orElse(DEFAULT_SEED);
    int history = context.option("history_days").map(v -> (int) parseLong(context, "history_days", v)).orElse(DEFAULT_HISTORY_DAYS);
    if (history < 1 || history > 2000) {
      throw new SourceConfigException(context.sourceId(), "history_days must be between 1 and 2000, was " + history, null);
    }
    Instant asOf = context.option("as_of").map(v -> {
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new SourceConfigException(context.sourceId(), "as_of '" + v + "' is not an ISO-8601 instant",
            "write it like 2026-11-23T09:00:00Z");
      }
    }).orElse(DEFAULT_AS_OF);
    return new SampleSource(context.sourceId(), seed, asOf, history, context.clock());
  }

  private static long parseLong(SourceContext context, String key, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new SourceConfigException(context.sourceId(), key + " '" + value + "' is not a whole number", null);
    }
  }
}
