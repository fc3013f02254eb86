package io.companyos.model.data;

import java.time.Instant;
import java.util.List;

/** A production deployment as in Four Keys' {@code deployments} table; {@code changes} are the change ids it shipped. */
public record Deployment(
    String deployId,
    Instant timeCreated,
    List<String> changes,
    DeployStatus status) {
  public Deployment {
    changes = List.copyOf(changes);
  }
}
