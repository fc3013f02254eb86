package io.companyos.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.connectors.product.ProductExportsSourceProvider;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written PostHog batch exports of {@code companyos-connectors-product} (its test resources, read where they
 * are) reach the weekly product metrics pack: active users, sessions per user and feature adoption, worked out by hand
 * and footnoted with the export's files. Everything else comes from the sample company.
 */
class ProductExportsToPackTest {
  static final Path POSTHOG = Path.of("..", "companyos-connectors-product", "src", "test", "resources", "product", "posthog");

  @Test
  void theProductMetricsPackCountsThePostHogEvents() {
    assertThat(Files.isDirectory(POSTHOG)).as(POSTHOG.toAbsolutePath().toString()).isTrue();
    Instant asOf = Instant.parse("2026-11-24T14:00:00Z");
    MetricSource posthog = new ProductExportsSourceProvider().create(SourceContext.of("posthog", Map.of("path", POSTHOG.toString(),
        "account_property", "org_id", "feature_property", "feature", "signup_event", "user_signed_up"),
        Clock.fixed(asOf, ZoneOffset.UTC), Path.of(".")));
    String md = SprintsAndRevenueToPackTest.render("product-metrics", asOf, posthog);
    List<String> footnotes = md.lines().filter(l -> l.startsWith("[^")).toList();
    assertThat(footnotes).anySatisfy(f -> assertThat(f).contains("posthog · 2026-11-16T00:00:00Z-2026-11-19T00:00:00Z.jsonl "
        + "(PostHog events), 2026-11-19T00:00:00Z-2026-11-23T00:00:00Z.jsonl.gz (PostHog events)")
        .contains("1 event exported twice (same uuid or insert_id) counted once").contains("1 identity call"));
    // The pack of Tuesday 24 November covers the week of 16 to 22 November. Active users per day (every event but the
    // sign-up; bob's $identify is not read): 16th alice and bob 2, 17th carol 1, 18th alice 1, 19th none, 20th dave 1,
    // 21st bob 1, 22nd carol 1 -> 7 / 7 days = 1.
    assertThat(md).contains("| DAU | 1[^1] |");
    // Active in the week: alice, bob, carol, dave.
    assertThat(md).contains("| WAU | 4[^1] |");
    // Sessions: alice's a1 and a2, bob's b1 and b2, carol's c1 and c2, and dave's day without a $session_id = 7 / 4 users.
    assertThat(md).contains("| Sessions/User | 1.75[^1] |");
    // Feature from the "feature" property: dashboards by alice (the 18th, exported twice) and bob = 2 of 4 active users;
    // reports by alice = 1 of 4.
    assertThat(md).contains("| dashboards | 2[^1] | 50%[^1] |").contains("| reports | 1[^1] | 25%[^1] |");
    // dave's user_signed_up (signup_event) on the 20th is the week's one sign-up.
    assertThat(md).contains("- New Signups: 1[^2]");
  }
}
