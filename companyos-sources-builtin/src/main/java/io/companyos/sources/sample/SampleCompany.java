package io.companyos.sources.sample;

import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The generated data of one sample company: every built-in record kind, sorted by time. Built once
 * from (seed, as-of, history) by generators that each draw from their own seeded streams, so the same
 * options always give the same rows, whatever the JVM's time zone or the order of later queries. The
 * history is a fixed calendar (see {@link SampleCompanyProfile}): a day's rows depend on the seed and the
 * day, and the as-of only decides which of them have happened, and which lifecycle times are known.
 */
final class SampleCompany {
  private final Map<RecordKind<?>, List<?>> rows;

  private SampleCompany(Map<RecordKind<?>, List<?>> rows) {
    this.rows = rows;
  }

  static SampleCompany generate(long seed, Instant asOf, int historyDays) {
    SampleCompanyProfile profile = new SampleCompanyProfile(asOf, historyDays);
    SampleRows rows = new SampleRows(asOf);
    if (!asOf.isAfter(profile.start)) {
      return new SampleCompany(rows.freeze()); // nothing has happened yet
    }
    new EngineeringGenerator(profile, seed, rows).generate();
    new SecurityGenerator(profile, seed, rows).generate();
    new ProductGenerator(profile, seed, rows).generate();
    new FinanceGenerator(profile, seed, rows).generate();
    new RhythmGenerator(profile, seed, rows).generate();
    return new SampleCompany(rows.freeze());
  }

  /** All rows of {@code kind}, sorted by {@link RecordKind#timeOf}. */
  @SuppressWarnings("unchecked")
  <T> List<T> rows(RecordKind<T> kind) {
    return (List<T>) rows.getOrDefault(kind, List.of());
  }
}
