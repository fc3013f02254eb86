package io.companyos.delivery;

/** What one send came to: whether it arrived, after how many attempts, and a short detail for the log. */
public record SendResult(boolean delivered, int attempts, String detail) {
  static SendResult ok(int attempts, String detail) {
    return new SendResult(true, attempts, detail);
  }

  static SendResult failed(int attempts, String detail) {
    return new SendResult(false, attempts, detail);
  }
}
