package io.companyos.sources.sample;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where one data domain's random numbers come from, so that what happens on a calendar day never depends
 * on the as-of the company is generated for.
 *
 * <p>Whatever is decided before the reference as-of (the reference history) is drawn from the domain's
 * one sequential stream, in the order in which the generator walks the calendar; that stream is always
 * walked to the end of the reference history, so every part of a domain starts from the same place.
 * Whatever is decided at or after the reference as-of is drawn from a stream of its own per part and day
 * (or per account), so generating further days never moves a number drawn for an earlier one.
 */
final class SampleDraws {
  private final SampleCompanyProfile p;
  private final long seed;
  private final String domain;
  private final SampleRandom reference;
  private final Map<String, SampleRandom> later = new HashMap<>();

  SampleDraws(SampleCompanyProfile profile, long seed, String domain) {
    this.p = profile;
    this.seed = seed;
    this.domain = domain;
    this.reference = new SampleRandom(seed, domain);
  }

  /**
   * The draws that shape day {@code day} of {@code part} (how many, at what time): decided at the
   * start of the day.
   */
  SampleRandom day(String part, long day) {
    return at(part, day, p.at(day, 0, 0));
  }

  /** The draws of {@code part} on day {@code day} for what is decided at {@code decided}. */
  SampleRandom at(String part, long day, Instant decided) {
    return decided.isBefore(p.reference) ? reference : own(part + "/" + day);
  }

  /** The draws for what is decided at {@code decided}, after the reference history from the stream {@code key}. */
  SampleRandom at(Instant decided, String key) {
    return decided.isBefore(p.reference) ? reference : own(key);
  }

  private SampleRandom own(String key) {
    return later.computeIfAbsent(key, k -> new SampleRandom(seed, domain + "/" + k));
  }
}
