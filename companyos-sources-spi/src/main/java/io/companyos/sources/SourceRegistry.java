package io.companyos.sources;

import io.companyos.model.source.SourceSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The metric-source providers available to this application, discovered with {@link ServiceLoader}
 * (class path and module path), and the way to open a company's configured sources. Two providers
 * with the same id are refused with both classes named; an unknown type lists the available ones.
 */
public final class SourceRegistry {
  /** The id and type of the source used when a company configures none: the embedded sample company. */
  public static final String DEFAULT_SOURCE = "sample";

  private final Map<String, MetricSourceProvider> providers;

  private SourceRegistry(Map<String, MetricSourceProvider> providers) {
    this.providers = providers;
  }

  /**
   * Providers found by {@link ServiceLoader} from the context class loader (or this module's layer).
   *
   * @return a registry of the providers found
   * @throws SourceConfigException when two providers share an id
   */
  public static SourceRegistry discover() {
    List<MetricSourceProvider> found = new ArrayList<>();
    ServiceLoader.load(MetricSourceProvider.class).forEach(found::add);
    return of(found);
  }

  /**
   * A registry of exactly these providers (for tests and embedding).
   *
   * @param providers the providers
   * @return a registry of them
   * @throws SourceConfigException when two providers share an id
   */
  public static SourceRegistry of(Collection<? extends MetricSourceProvider> providers) {
    Map<String, MetricSourceProvider> byId = new TreeMap<>();
    for (MetricSourceProvider p : providers.stream()
        .sorted(Comparator.comparingInt(MetricSourceProvider::priority).reversed()
            .thenComparing(p -> p.getClass().getName()))
        .toList()) {
      MetricSourceProvider earlier = byId.putIfAbsent(p.id(), p);
      if (earlier != null) {
        throw new SourceConfigException(p.id(), "two metric-source providers declare the id '" + p.id() + "': "
            + earlier.getClass().getName() + " and " + p.getClass().getName(),
            "remove one of the two jars from the class path, or give one provider another id");
      }
    }
    return new SourceRegistry(java.util.Collections.unmodifiableMap(byId));
  }

  /**
   * Provider ids in alphabetical order.
   *
   * @return the types sources.yaml may name
   */
  public List<String> types() {
    return List.copyOf(providers.keySet());
  }

  /**
   * The provider for {@code type}.
   *
   * @param type a source type ({@code files}, {@code prometheus}, ...)
   * @return its provider
   * @throws SourceConfigException naming the available types when there is none
   */
  public MetricSourceProvider provider(String type) {
    MetricSourceProvider p = providers.get(type);
    if (p == null) {
      throw new SourceConfigException(type, "no metric-source provider of type '" + type + "'; available: "
          + (providers.isEmpty() ? "none" : String.join(", ", providers.keySet())),
          "check the 'type' of the source, or add the plugin jar that provides it to the class path");
    }
    return p;
  }

  /**
   * A check of {@code sources.yaml} entries against these providers, for validation: an unknown type,
   * or options the provider refuses when it creates the source (an unknown {@code mode}, a missing
   * {@code dir}). The source is created and dropped; nothing is read or connected. Environment variables
   * named by options ({@code token_env}) are not looked up: validation checks definitions, not the
   * machine it runs on.
   *
   * @return the check, which reports each problem of an entry as a finding
   */
  public io.companyos.model.source.SourceCheck check() {
    return (id, type, options) -> {
      MetricSourceProvider p = providers.get(type);
      if (p == null) {
        return List.of(new io.companyos.model.source.SourceCheck.Finding(null, "no metric-source provider of type '" + type
            + "'; available: " + (providers.isEmpty() ? "none" : String.join(", ", providers.keySet())),
            "check the 'type' of the source, or add the plugin jar that provides it to the class path"));
      }
      try {
        MetricSource created = p.create(new SourceContext(id, options, Clock.systemUTC(), Path.of("."),
            SourceSpec.DEFAULT_TIMEOUT, 0, name -> "(not looked up when validating)"));
        try {
          created.close();
        } catch (Exception e) {
          // created only to be checked
        }
        return List.of();
      } catch (SourceConfigException e) {
        String message = e.getMessage() == null ? "refused by its provider" : e.getMessage();
        String option = null;
        for (String key : options.keySet()) {
          if (message.startsWith(key + " ") || message.contains("'" + key + "'")) {
            option = key;
            break;
          }
        }
        return List.of(new io.companyos.model.source.SourceCheck.Finding(option, message, e.hint()));
      }
    };
  }

  /**
   * Opens the configured sources. Nothing is created until a source is first used; each source is
   * wrapped so that its timeout and retries apply.
   *
   * @param specs the configured sources, in file order
   * @param clock the clock sources read "now" from
   * @param baseDirectory where relative paths in options resolve (the directory of {@code sources.yaml})
   * @return the sources, to be closed after use
   * @throws SourceConfigException when a type is unknown (checked eagerly, so typos fail fast)
   */
  public Sources open(List<SourceSpec> specs, Clock clock, Path baseDirectory) {
    return open(specs, clock, baseDirectory, System::getenv);
  }

  /**
   * Like {@link #open(List, Clock, Path)} with an explicit environment (for tests).
   *
   * @param specs the configured sources, in file order
   * @param clock the clock sources read "now" from
   * @param baseDirectory where relative paths in options resolve
   * @param environment reads an environment variable; null when unset
   * @return the sources, to be closed after use
   * @throws SourceConfigException when a type is unknown
   */
  public Sources open(
      List<SourceSpec> specs, Clock clock, Path baseDirectory, Function<String, @Nullable String> environment) {
    Map<String, SourceSpec> byId = new LinkedHashMap<>();
    for (SourceSpec spec : specs) {
      provider(spec.type());
      byId.put(spec.id(), spec);
    }
    return new Sources(this, byId, clock, baseDirectory, environment);
  }

  /**
   * The default configuration: one source {@value #DEFAULT_SOURCE} of type {@value #DEFAULT_SOURCE}.
   *
   * @param clock the clock sources read "now" from
   * @return the sources, to be closed after use
   */
  public Sources openDefault(Clock clock) {
    return open(List.of(SourceSpec.of(DEFAULT_SOURCE, DEFAULT_SOURCE, Map.of())), clock, Path.of("."));
  }
}
