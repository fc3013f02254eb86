package io.companyos.sources;

import io.companyos.model.source.SourceSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A company's open metric sources by id, created lazily on first use and closed together. Each is
 * wrapped in a {@link ResilientSource} that applies its configured timeout and retries.
 */
public final class Sources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sources.class);

  private final SourceRegistry registry;
  private final Map<String, SourceSpec> specs;
  private final Clock clock;
  private final Path baseDirectory;
  private final Function<String, @Nullable String> environment;
  private final List<String> ids;
  private final Map<String, MetricSource> open = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "companyos-source");
    t.setDaemon(true);
    return t;
  });

  Sources(SourceRegistry registry, Map<String, SourceSpec> specs, Clock clock, Path baseDirectory,
      Function<String, @Nullable String> environment) {
    this.registry = registry;
    this.specs = Map.copyOf(specs);
    this.clock = clock;
    this.baseDirectory = baseDirectory;
    this.environment = environment;
    this.ids = List.copyOf(specs.keySet());
  }

  /**
   * Configured ids in file order.
   *
   * @return the ids
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * The source with this id, created on first use.
   *
   * @param id a configured id
   * @return the source
   * @throws SourceConfigException naming the configured ids when there is none
   */
  public MetricSource get(String id) {
    SourceSpec spec = specs.get(id);
    if (spec == null) {
      throw new SourceConfigException(id, "no source with id '" + id + "'; configured: " + String.join(", ", ids),
          "add it to sources.yaml or use one of the configured ids");
    }
    return open.computeIfAbsent(id, k -> create(spec));
  }

  /**
   * The first configured source, which sections use unless they name another.
   *
   * @return the first source
   * @throws SourceConfigException when no source is configured
   */
  public MetricSource primary() {
    if (ids.isEmpty()) {
      throw new SourceConfigException("-", "no sources are configured", "add at least one source to sources.yaml");
    }
    return get(ids.get(0));
  }

  /**
   * All configured sources, created if needed, in file order.
   *
   * @return the sources
   */
  public List<MetricSource> all() {
    List<MetricSource> out = new ArrayList<>();
    ids.forEach(id -> out.add(get(id)));
    return out;
  }

  /**
   * Checks that every record kind and metric pattern a source claims is one it can serve.
   *
   * @return these sources
   * @throws SourceRouteException located at the first claim that cannot be served
   */
  public Sources requireServedClaims() {
    new SourceRouter(all()).requireServedClaims();
    return this;
  }

  private MetricSource create(SourceSpec spec) {
    LOG.debug("creating source '{}' of type '{}'", spec.id(), spec.type());
    SourceContext ctx = new SourceContext(spec.id(), spec.options(), clock, baseDirectory, spec.timeout(),
        spec.retries(), environment);
    MetricSource source = registry.provider(spec.type()).create(ctx);
    return new ResilientSource(source, spec.timeout(), spec.retries(), executor, spec.claims());
  }

  @Override
  public void close() {
    for (MetricSource s : open.values()) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.warn("closing source '{}' failed: {}", s.id(), e.toString());
      }
    }
    executor.shutdownNow();
  }
}
