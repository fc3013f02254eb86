package io.companyos.connectors.product;

import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hand-written exports under src/test/resources/product and sources over them. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2020-01-01T00:00:00Z"), NOW);
  static final Path DIR = Path.of("src/test/resources/product");
  /** How the PostHog fixtures name accounts, features and sign-ups. */
  static final Map<String, String> POSTHOG_OPTIONS = Map.of("account_property", "org_id", "feature_property", "feature",
      "signup_event", "user_signed_up");

  private Fixtures() {}

  static ProductExportsSource source(Path path, String mode, Map<String, String> options) {
    Map<String, String> all = new HashMap<>(options);
    all.put("path", path.toString());
    all.put("mode", mode);
    return (ProductExportsSource) new ProductExportsSourceProvider().create(
        SourceContext.of("analytics", all, Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
  }

  static ProductExportsSource source(String relative, Map<String, String> options) {
    return source(DIR.resolve(relative), "strict", options);
  }

  static List<ProductEvent> events(ProductExportsSource s) {
    return s.records(RecordKind.PRODUCT_EVENTS, ALL).rows();
  }

  static String query(ProductExportsSource s) {
    return s.records(RecordKind.PRODUCT_EVENTS, ALL).provenance().query();
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }
}
