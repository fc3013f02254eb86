package io.companyos.connectors.product;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.util.List;

/**
 * Provider of the {@code product-exports} source. Options: {@code path} (required; a file or a folder, relative to the
 * directory of sources.yaml), {@code mode} ({@code strict}, the default, or {@code lenient}), {@code account_group}
 * (the group type that is the account, default {@code company}), {@code account_property} (an event property naming the
 * account when the group is not set), {@code feature_property} (the event property naming the feature used) and
 * {@code signup_event} (the event name that is a sign-up).
 */
public final class ProductExportsSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: product-exports}). */
  public static final String ID = "product-exports";
  private static final List<String> OPTIONS = List.of("path", "mode", "account_group", "account_property", "feature_property",
      "signup_event");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    String sourceId = context.sourceId();
    Path path = context.baseDirectory().resolve(context.requireOption("path"));
    String mode = context.option("mode").orElse("strict");
    if (!mode.equals("strict") && !mode.equals("lenient")) {
      throw new SourceConfigException(sourceId, "mode '" + mode + "' is neither strict nor lenient", null);
    }
    for (String key : context.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new SourceConfigException(sourceId, "unknown option '" + key + "'", "the options are " + String.join(", ", OPTIONS));
      }
      if (context.option(key).orElse("").isBlank()) {
        throw new SourceConfigException(sourceId, "option '" + key + "' is empty", null);
      }
    }
    Settings settings = new Settings(context.option("account_group").map(String::strip).orElse("company"),
        context.option("account_property").map(String::strip).orElse(null),
        context.option("feature_property").map(String::strip).orElse(null),
        context.option("signup_event").map(String::strip).orElse(null));
    return new ProductExportsSource(sourceId, path, mode.equals("strict"), settings, context.clock());
  }
}
