package io.companyos.delivery;

/**
 * What one send came to: whether it arrived, after how many attempts, and a short detail for the log.
 * {@code unknown} means the request went out but no answer came (a timeout after sending): it may have
 * arrived, so it is neither retried blindly nor counted as sent.
 */
public record SendResult(boolean delivered, int attempts, String detail, boolean unknown) {
  public SendResult(boolean delivered, int attempts, String detail) {
    this(delivered, attempts, detail, false);
  }

  static SendResult ok(int attempts, String detail) {
    return new SendResult(true, attempts, detail, false);
  }

  static SendResult failed(int attempts, String detail) {
    return new SendResult(false, attempts, detail, false);
  }

  static SendResult unknownOutcome(int attempts, String detail) {
    return new SendResult(false, attempts, detail, true);
  }

  /** The log status for this result. */
  DeliveryLog.Status status() {
    return delivered ? DeliveryLog.Status.SENT : unknown ? DeliveryLog.Status.UNKNOWN : DeliveryLog.Status.FAILED;
  }
}
