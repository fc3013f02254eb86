package io.companyos.connectors.product;

import static io.companyos.connectors.product.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.ProductEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostHog batch exports (JSON Lines, one gzipped, one empty) to events worked out by hand. */
class PostHogTest {
  @Test
  void eventsAsTheBatchExportWritesThem() {
    ProductExportsSource s = Fixtures.source("posthog", Fixtures.POSTHOG_OPTIONS);
    assertThat(Fixtures.events(s)).containsExactly(
        new ProductEvent(t("2026-11-16T09:00:00Z"), "alice", "acme", "018f0c1e-a1", "$pageview", null),
        new ProductEvent(t("2026-11-16T09:05:00.250Z"), "alice", "acme", "018f0c1e-a1", "report_exported", "reports"),
        new ProductEvent(t("2026-11-16T10:00:00Z"), "bob", "acme", "018f0c1e-b1", "$pageview", null),
        // No $groups: the account from the org_id property.
        new ProductEvent(t("2026-11-17T08:00:00Z"), "carol", "globex", "018f0c1e-c1", "$pageview", null),
        new ProductEvent(t("2026-11-18T09:00:00Z"), "alice", "acme", "018f0c1e-a2", "$pageview", "dashboards"),
        new ProductEvent(t("2026-11-20T12:00:00Z"), "dave", "globex", "018f0c1e-d1", "signup", null),
        // No $session_id: the user's day is the session.
        new ProductEvent(t("2026-11-20T12:05:00Z"), "dave", "globex", "dave/2026-11-20", "$pageview", null),
        new ProductEvent(t("2026-11-21T15:00:00Z"), "bob", "acme", "018f0c1e-b2", "$autocapture", "dashboards"),
        // A timestamp without offset is UTC.
        new ProductEvent(t("2026-11-22T18:00:00Z"), "carol", "globex", "018f0c1e-c2", "$pageview", null));
    assertThat(Fixtures.query(s)).isEqualTo("2026-11-16T00:00:00Z-2026-11-19T00:00:00Z.jsonl (PostHog events), "
        + "2026-11-19T00:00:00Z-2026-11-23T00:00:00Z.jsonl.gz (PostHog events), "
        + "2026-11-23T00:00:00Z-2026-11-23T01:00:00Z.jsonl (no events); "
        + "1 event exported twice (same uuid or insert_id) counted once; 1 identity call ($identify, $set, $groupidentify, …) not read");
  }

  @Test
  void withoutTheOptionsNoFeatureNoSignupAndAnEventWithoutAccount() {
    ProductExportsSource s = Fixtures.source("posthog", Map.of());
    List<ProductEvent> events = Fixtures.events(s);
    assertThat(events).extracting(ProductEvent::feature).containsOnlyNulls();
    assertThat(events).extracting(ProductEvent::event).contains("user_signed_up").doesNotContain("signup");
    assertThat(events.get(3).accountId()).isEqualTo("(none)");
    assertThat(Fixtures.query(s)).endsWith("; 1 event without an account, as account '(none)'");
  }
}
