package io.companyos.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The idempotency key of one delivery: the same pack, reporting period, channel and destination give
 * the same key, so a rerun finds it in the {@link DeliveryLog} and does not send twice. The key is the
 * first 24 hex digits of a SHA-256 over the four parts; it is also used as the e-mail Message-ID.
 */
public record DeliveryKey(String pack, String period, String channel, String destination) {
  public DeliveryKey {
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(destination, "destination");
  }

  /** The key as 24 lower-case hex digits. */
  public String value() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {pack, period, channel, destination}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return value() + " (" + pack + ", " + period + ", " + channel + ", " + destination + ")";
  }
}
