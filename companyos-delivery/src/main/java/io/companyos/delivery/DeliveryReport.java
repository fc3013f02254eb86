package io.companyos.delivery;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of delivering one pack: one {@link DeliveryResult} per dispatch and, when something failed,
 * the notice to the pack's owner.
 */
public record DeliveryReport(String pack, String period, boolean dryRun, List<DeliveryResult> results,
    @Nullable OwnerNotice notice) {
  public DeliveryReport {
    results = List.copyOf(results);
  }

  /** Whether any dispatch failed or could not be tried. */
  public boolean failed() {
    return results.stream().anyMatch(r -> r.outcome().problem());
  }

  /**
   * The message to the owner of a pack whose delivery failed.
   *
   * @param ownerRole the accountable role (RACI "A" of the pack's meeting, else the meeting's owner)
   * @param to the directory addresses of the people holding that role
   * @param text the message
   * @param outcome whether it was sent (SENT), could not be (NOT_CONFIGURED, FAILED) or was sent before
   */
  public record OwnerNotice(String ownerRole, List<String> to, String text, DeliveryResult.Outcome outcome, String detail) {
    public OwnerNotice {
      to = List.copyOf(to);
    }
  }
}
