package io.companyos.model.pack;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One delivery target of a pack. Slack and e-mail need a {@code destination} (a channel such as
 * {@code #ops-review}, an address, or {@code {{recipients}}} for the pack's recipients); the
 * dashboard needs a {@code url} path.
 */
public record Delivery(DeliveryChannel channel, @Nullable String destination, @Nullable String url) {

  /** The destination placeholder meaning "e-mail every recipient role". */
  public static final String RECIPIENTS_PLACEHOLDER = "{{recipients}}";

  public Delivery {
    Objects.requireNonNull(channel, "channel");
    if (channel.usesUrl() ? isBlank(url) : isBlank(destination)) {
      throw new IllegalArgumentException(
          channel.yamlName() + " delivery needs " + (channel.usesUrl() ? "a url" : "a destination"));
    }
  }

  /** A Slack or e-mail delivery. */
  public static Delivery to(DeliveryChannel channel, String destination) {
    return new Delivery(channel, destination, null);
  }

  /** A dashboard delivery at {@code url}. */
  public static Delivery dashboard(String url) {
    return new Delivery(DeliveryChannel.DASHBOARD, null, url);
  }

  /** The address for this channel: the url for the dashboard, the destination otherwise. */
  public String target() {
    return Objects.requireNonNull(channel.usesUrl() ? url : destination);
  }

  /** True when the destination is {@link #RECIPIENTS_PLACEHOLDER}. */
  public boolean toRecipients() {
    return RECIPIENTS_PLACEHOLDER.equals(destination);
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
