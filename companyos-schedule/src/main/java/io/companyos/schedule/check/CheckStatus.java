package io.companyos.schedule.check;

/** The state of one health check after an evaluation. No data is not OK and not firing: it is reported as such. */
public enum CheckStatus {
  OK,
  FIRING,
  NO_DATA,
  ERROR,
  /**
   * The query answered, but the source's data ends too long before the check ran (see
   * {@code Provenance.Coverage#staleBy}); reported, and fired only by checks with {@code fire_on_stale}.
   */
  STALE
}
