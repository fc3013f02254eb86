package io.companyos.sources;

import io.companyos.model.source.SourceSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The metric-source providers available to this application, discovered with {@link ServiceLoader}
 * (class path and module path), and the way to open a company's configured sources.
 *
 * <p>When two providers declare the same id, the one with the higher {@link MetricSourceProvider#priority()} is
 * used and the other is listed in {@link #notices()}; two of the same priority are refused with both classes named,
 * unless the system property {@value #OVERRIDE_PROPERTY}{@code <id>} names the class to use. A provider that cannot
 * be loaded (a {@link ServiceConfigurationError}: a missing class, a failing constructor) is left out and reported
 * in {@link #notices()}, so one broken plugin jar does not stop every other source (as SLF4J reports a broken
 * binding). An unknown type lists the available ones.
 */
public final class SourceRegistry {
  /** The id and type of the source used when a company configures none: the embedded sample company. */
  public static final String DEFAULT_SOURCE = "sample";

  /**
   * Prefix of the system property that picks the provider class for an id when several declare it, e.g.
   * {@code -Dcompanyos.sources.provider.files=com.example.MyFilesProvider}.
   */
  public static final String OVERRIDE_PROPERTY = "companyos.sources.provider.";

  private static final System.Logger LOG = System.getLogger(SourceRegistry.class.getName());

  private final Map<String, MetricSourceProvider> providers;
  private final List<String> notices;

  private SourceRegistry(Map<String, MetricSourceProvider> providers, List<String> notices) {
    this.providers = providers;
    this.notices = notices;
  }

  /**
   * Providers found by {@link ServiceLoader} from the context class loader (or this module's layer). A provider
   * that fails to load is left out and named in {@link #notices()} (and logged as a warning).
   *
   * @return a registry of the providers found
   * @throws SourceConfigException when two providers of the same priority share an id
   */
  public static SourceRegistry discover() {
    List<MetricSourceProvider> found = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Iterator<MetricSourceProvider> it = ServiceLoader.load(MetricSourceProvider.class).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        String notice = "a metric-source provider could not be loaded and is left out: " + e.getMessage();
        LOG.log(System.Logger.Level.WARNING, notice);
        failed.add(notice);
        if (failed.size() > 100) {
          break; // an iterator that keeps failing at the same place
        }
      }
    }
    return of(found, failed, System::getProperty);
  }

  /**
   * A registry of exactly these providers (for tests and embedding).
   *
   * @param providers the providers
   * @return a registry of them
   * @throws SourceConfigException when two providers of the same priority share an id
   */
  public static SourceRegistry of(Collection<? extends MetricSourceProvider> providers) {
    return of(providers, List.of(), System::getProperty);
  }

  /**
   * Like {@link #of(Collection)}, with the properties the {@value #OVERRIDE_PROPERTY}{@code <id>} override is read from
   * (for tests and embedding).
   *
   * @param providers the providers
   * @param properties reads a property; null when unset
   * @return a registry of them
   * @throws SourceConfigException when two providers of the same priority share an id and no override picks one, or
   *     an override names a class that is not among them
   */
  public static SourceRegistry of(
      Collection<? extends MetricSourceProvider> providers, Function<String, @Nullable String> properties) {
    return of(providers, List.of(), properties);
  }

  private static SourceRegistry of(Collection<? extends MetricSourceProvider> providers, List<String> failed,
      Function<String, @Nullable String> properties) {
    Map<String, List<MetricSourceProvider>> byId = new TreeMap<>();
    for (MetricSourceProvider p : providers) {
      byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
    }
    Map<String, MetricSourceProvider> chosen = new TreeMap<>();
    List<String> notices = new ArrayList<>(failed);
    for (Map.Entry<String, List<MetricSourceProvider>> e : byId.entrySet()) {
      String id = e.getKey();
      List<MetricSourceProvider> candidates = new ArrayList<>(e.getValue());
      candidates.sort(Comparator.comparingInt(MetricSourceProvider::priority).reversed()
          .thenComparing(p -> p.getClass().getName()));
      MetricSourceProvider pick = candidates.get(0);
      String override = properties.apply(OVERRIDE_PROPERTY + id);
      if (override != null && !override.isBlank()) {
        pick = candidates.stream().filter(p -> p.getClass().getName().equals(override.strip())).findFirst()
            .orElseThrow(() -> new SourceConfigException(id, OVERRIDE_PROPERTY + id + " names " + override.strip()
                + ", which is not a provider of '" + id + "'; found: " + classes(candidates),
                "name one of the classes found, or remove the property"));
      } else if (candidates.size() > 1 && candidates.get(1).priority() == pick.priority()) {
        throw new SourceConfigException(id, "two metric-source providers declare the id '" + id + "' with priority "
            + pick.priority() + ": " + candidates.get(0).getClass().getName() + " and "
            + candidates.get(1).getClass().getName(),
            "remove one of the two jars from the class path, give one provider another id or a higher priority(), "
                + "or pick one with -D" + OVERRIDE_PROPERTY + id + "=<class>");
      }
      chosen.put(id, pick);
      for (MetricSourceProvider other : candidates) {
        if (other != pick) {
          notices.add("metric-source provider " + other.getClass().getName() + " (priority " + other.priority()
              + ") is not used: '" + id + "' is served by " + pick.getClass().getName() + " (priority "
              + pick.priority() + ")");
        }
      }
    }
    return new SourceRegistry(Collections.unmodifiableMap(chosen), List.copyOf(notices));
  }

  private static String classes(List<MetricSourceProvider> providers) {
    return String.join(", ", providers.stream().map(p -> p.getClass().getName()).toList());
  }

  /**
   * What discovery left out: providers that failed to load and providers shadowed by another of the same id and a
   * higher priority (or picked out by the override property), one sentence each, for {@code companyos sources}.
   *
   * @return the notices, empty when every provider found is used
   */
  public List<String> notices() {
    return notices;
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
