package io.companyos.model.data;

/** Outcome of a deployment; a failed deployment counts towards the change failure rate. */
public enum DeployStatus {
  SUCCESS,
  FAILURE
}
