package io.companyos.schedule.check;

import io.companyos.model.check.HealthCheck;
import io.companyos.sources.Provenance;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one check: status, the deciding value and its series (the worst one), why, the action
 * taken (if any) and the provenance of the value.
 */
public record CheckResult(HealthCheck check, CheckStatus status, @Nullable Double value, Map<String, String> labels,
    String detail, @Nullable ActionResult action, @Nullable Provenance provenance) {
  public CheckResult {
    labels = Map.copyOf(labels);
  }
}
