package io.companyos.sources.sample;

import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The generated data of one sample company: every built-in record kind, sorted by time. Built once
 * from (seed, as-of, history) by generators that each draw from their own seeded stream, so the same
 * options always give the same rows, whatever the JVM's time zone or the order of later queries.
 */
final class SampleCompany {
  private final Map<RecordKind<?>, List<?>> rows;

  private SampleCompany(Map<RecordKind<?>, List<?>> rows) {
    this.rows = rows;
  }

  static SampleCompany generate(long seed, Instant asOf, int historyDays) {
    SampleCompanyProfile profile = new SampleCompanyProfile(asOf, historyDays);
    SampleRows rows = new SampleRows();
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
