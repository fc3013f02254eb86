package io.companyos.model.org;

import jakarta.validation.constraints.NotBlank;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of the RACI matrix: an activity (usually a rhythm meeting) and the assignment of each
 * role. There is exactly one accountable role, as the RACI method requires.
 *
 * @param meeting id of the rhythm meeting this row is about, or null
 */
public record RaciActivity(@NotBlank String activity, @Nullable String meeting,
    Map<String, RaciAssignment> assignments) {

  public RaciActivity {
    Objects.requireNonNull(activity, "activity");
    assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    long accountable = assignments.values().stream().filter(RaciAssignment::accountable).count();
    if (accountable != 1) {
      throw new IllegalArgumentException(
          "activity '" + activity + "' has " + accountable + " accountable roles; it needs exactly one");
    }
  }

  /** The single accountable role. */
  public String accountable() {
    return assignments.entrySet().stream()
        .filter(e -> e.getValue().accountable())
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  /** Roles marked R or R/A, in column order. */
  public List<String> responsible() {
    return assignments.entrySet().stream()
        .filter(e -> e.getValue().responsible())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The assignment of {@code role}; empty when the cell is blank. */
  public Optional<RaciAssignment> assignment(String role) {
    return Optional.ofNullable(assignments.get(role));
  }
}
