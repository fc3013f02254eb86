package io.companyos.schedule.check;

/** The state of one health check after an evaluation. No data is not OK and not firing: it is reported as such. */
public enum CheckStatus {
  OK,
  FIRING,
  NO_DATA,
  ERROR
}
