package io.companyos.schedule.check;

/**
 * Where a check's notifications stand after a run. Only a receipt (a 2xx answer) moves a check to
 * {@link #FIRING_NOTIFIED} or from {@link #RESOLVING} to {@link #OK}; anything undelivered stays owed.
 */
public enum AlertState {
  /** Passing, and nothing is open at the receiver. */
  OK,
  /** Firing, and the trigger has not been delivered yet: it is owed and retried on every run. */
  FIRING_UNNOTIFIED,
  /** Firing, and the receiver has the trigger (a receipt). Reminded after the cool-down or when the severity changes. */
  FIRING_NOTIFIED,
  /**
   * The check could not be evaluated (the source failed, no data, stale data). Never counts as recovery nor as
   * firing: what was owed before stays owed, and a notified incident stays open until a passing run resolves it.
   */
  ERROR,
  /** Passing again, and the resolve has not been delivered yet: it is owed and retried on every run. */
  RESOLVING
}
