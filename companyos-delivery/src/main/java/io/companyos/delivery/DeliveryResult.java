package io.companyos.delivery;

/** What became of one {@link Dispatch}. */
public record DeliveryResult(Dispatch dispatch, Outcome outcome, int attempts, String detail) {

  /** {@code detail} goes to reports, the delivery log and owner notices: URLs are cut to their origin, credentials masked. */
  public DeliveryResult {
    detail = io.companyos.model.base.Redaction.printable(io.companyos.model.base.Redaction.message(detail));
  }

  /** The outcome of a dispatch. */
  public enum Outcome {
    /** Delivered now. */
    SENT,
    /** The delivery log says it was delivered before; nothing was sent. */
    ALREADY_SENT,
    /** Another run is delivering it right now; nothing was sent. */
    IN_PROGRESS,
    /** Tried and failed (after retries); a rerun will try again. */
    FAILED,
    /**
     * Sent, but no answer came (a timeout after the request went out), or the run that claimed it ended
     * without an outcome: it may have arrived. Slack posts are not repeated by a rerun unless asked
     * ({@code --resend-unknown}); e-mail (same Message-ID) and the dashboard are sent again.
     */
    UNKNOWN,
    /** The channel has no settings (no webhook, no SMTP server); nothing was tried. */
    NOT_CONFIGURED,
    /** Dry run: it would be sent. */
    WOULD_SEND;

    /** Whether this outcome means the pack did not reach this destination and will not without action. */
    public boolean problem() {
      return this == FAILED || this == NOT_CONFIGURED || this == UNKNOWN;
    }
  }
}
