package io.companyos.schedule.check;

import io.companyos.model.check.HealthCheck;
import io.companyos.sources.Provenance;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one check: status, the deciding value and its series (the worst one), why, the action
 * taken (if any), the provenance of the value, the severity its notifications carry and — after a run that
 * may notify — where its notifications stand.
 *
 * @param severity {@code P1}..{@code P4} from the deciding series' {@code severity} label, else the check's; null when neither says
 * @param delivery where the check's notifications stand after a {@link HealthCheckRunner#runOnce run}; null for a read-only evaluation
 */
public record CheckResult(HealthCheck check, CheckStatus status, @Nullable Double value, Map<String, String> labels,
    String detail, @Nullable ActionResult action, @Nullable Provenance provenance, @Nullable String severity,
    @Nullable Delivery delivery) {
  public CheckResult {
    labels = Map.copyOf(labels);
  }

  public CheckResult(HealthCheck check, CheckStatus status, @Nullable Double value, Map<String, String> labels,
      String detail, @Nullable ActionResult action, @Nullable Provenance provenance) {
    this(check, status, value, labels, detail, action, provenance, null, null);
  }

  /**
   * Where a check's notifications stand after a run.
   *
   * @param state the check's {@link AlertState}
   * @param owed what is still owed to the receiver (retried on the next run)
   * @param failedRuns runs in a row that failed to deliver it
   * @param lastFailure why the last attempt failed
   * @param receipt the last receipt
   * @param escalation the escalation sent (or attempted) in this run
   * @param note anything else worth saying (a trigger dropped on recovery, a resolve cancelled by firing again)
   */
  public record Delivery(AlertState state, CheckStateStore.Owed owed, int failedRuns, @Nullable String lastFailure,
      @Nullable String receipt, @Nullable ActionResult escalation, @Nullable String note) {
    /** True while a trigger or resolve is owed. */
    public boolean undelivered() {
      return owed != CheckStateStore.Owed.NONE;
    }
  }

  /** Firing, failed, stale, or with a notification still owed: what {@code companyos check} exits 1 for. */
  public boolean problem() {
    return status == CheckStatus.FIRING || status == CheckStatus.ERROR || status == CheckStatus.STALE
        || (delivery != null && delivery.undelivered()) || (action != null && action.outcome() == ActionResult.Outcome.FAILED);
  }
}
