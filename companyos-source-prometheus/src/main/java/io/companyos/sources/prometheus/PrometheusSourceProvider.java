package io.companyos.sources.prometheus;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import io.companyos.model.base.Redaction;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Provider of the {@code prometheus} source. Options: {@code url} (required; the server's base URL,
 * including any path prefix such as {@code http://proxy/prometheus}), {@code token_env} (optional; the
 * environment variable holding a bearer token). The request timeout is the source's {@code timeout}.
 */
public final class PrometheusSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: prometheus}). */
  public static final String ID = "prometheus";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    String url = context.requireOption("url");
    URI base;
    try {
      base = URI.create(url.endsWith("/") ? url : url + "/");
    } catch (IllegalArgumentException e) {
      throw new SourceConfigException(context.sourceId(), "url is not a URL (the value is not shown)",
          "write it like http://localhost:9090");
    }
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new SourceConfigException(context.sourceId(), "url '" + Redaction.message(url) + "' must start with http:// or https://", null);
    }
    java.util.Optional<String> secret = Redaction.secretIn(base);
    if (secret.isPresent()) {
      throw new SourceConfigException(context.sourceId(), "url must not contain credentials: " + secret.get(),
          "put a bearer token in an environment variable and name it with token_env");
    }
    @Nullable String token = null;
    String tokenEnv = context.option("token_env").orElse(null);
    if (tokenEnv != null) {
      token = context.env(tokenEnv).orElseThrow(() -> new SourceConfigException(context.sourceId(),
          "environment variable '" + tokenEnv + "' named by token_env is not set", "export it before running companyos"));
    }
    return new PrometheusSource(context.sourceId(), base, token, context.timeout(), context.clock());
  }
}
