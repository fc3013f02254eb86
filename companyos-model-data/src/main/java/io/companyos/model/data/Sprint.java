package io.companyos.model.data;

import java.time.Instant;
import java.util.List;

/** A sprint (iteration) with its goals. */
public record Sprint(
    String sprintId,
    Instant start,
    Instant end,
    List<String> goals) {
  public Sprint {
    goals = List.copyOf(goals);
  }
}
