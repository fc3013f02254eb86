package io.companyos.delivery;

import io.companyos.model.pack.DeliveryChannel;
import io.companyos.render.PackDocument;
import java.util.List;
import java.util.Objects;

/**
 * One planned delivery: a channel, one destination (a Slack channel, one e-mail address or a dashboard
 * URL), the roles of its audience and the copy of the pack redacted for that audience.
 *
 * @param channel where it goes
 * @param destination the Slack channel, e-mail address or dashboard URL
 * @param audience the roles the copy is redacted for
 * @param key the idempotency key
 * @param document the redacted copy that is sent
 */
public record Dispatch(DeliveryChannel channel, String destination, List<String> audience, DeliveryKey key,
    PackDocument document) {
  public Dispatch {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(destination, "destination");
    audience = List.copyOf(audience);
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(document, "document");
  }
}
