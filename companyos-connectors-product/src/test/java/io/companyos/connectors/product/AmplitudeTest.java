package io.companyos.connectors.product;

import static io.companyos.connectors.product.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.ProductEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An Amplitude Export API archive (gzipped hour files, one empty) to events worked out by hand. */
class AmplitudeTest {
  @Test
  void theArchivesHourFiles() {
    ProductExportsSource s = Fixtures.source("amplitude", Map.of("feature_property", "feature"));
    assertThat(Fixtures.events(s)).containsExactly(
        // session_id is the session's start in epoch ms, qualified by the device.
        new ProductEvent(t("2026-11-02T08:00:00.123Z"), "u1", "acme", "d1/1793606400123", "session_start", null),
        // No user_id: the device is the user; session_id -1: the user's day is the session; no group: no account.
        new ProductEvent(t("2026-11-02T08:10:00Z"), "d2", "(none)", "d2/2026-11-02", "Viewed Dashboard", "dashboards"),
        // An event type of the product's own; groups as a string.
        new ProductEvent(t("2026-11-02T10:30:00Z"), "u1", "acme", "u1/2026-11-02", "Custom Thing", "exports"));
    assertThat(Fixtures.query(s)).isEqualTo("export-2026-11-02.zip (Amplitude export, 3 files); "
        + "1 event exported twice (same uuid or insert_id) counted once; 1 identity call ($identify, $set, $groupidentify, …) not read; "
        + "1 event without an account, as account '(none)'");
  }

  @Test
  void theAccountPropertyIsAlsoLookedUpInUserProperties() {
    ProductExportsSource s = Fixtures.source("amplitude", Map.of("account_property", "org_id"));
    assertThat(Fixtures.events(s).get(1).accountId()).isEqualTo("globex");
  }
}
