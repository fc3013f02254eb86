package io.companyos.sources;

/**
 * Factory for one type of metric source, discovered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.companyos.sources.MetricSourceProvider} or {@code provides} in
 * {@code module-info.java}). Providers must be cheap to construct; the work happens in
 * {@link #create(SourceContext)}, which is called lazily, once per configured source.
 */
public interface MetricSourceProvider {

  /**
   * The type name used in YAML ({@code type: files}); lowercase letters, digits and dashes.
   *
   * @return the type name
   */
  String id();

  /**
   * Which provider serves an id when several declare it: the registry uses the one with the highest priority and
   * lists the others in {@link SourceRegistry#notices()}; two with the same priority are refused, both named, unless
   * the {@value SourceRegistry#OVERRIDE_PROPERTY}{@code <id>} system property picks one. A plugin that replaces a
   * built-in type ({@code files}, {@code prometheus}) returns more than 0.
   *
   * @return the priority; 0 by default
   */
  default int priority() {
    return 0;
  }

  /**
   * Creates a source for one configuration entry.
   *
   * @param context the entry's id, options, environment and clock
   * @return the opened source
   * @throws SourceConfigException when an option is missing or invalid
   */
  MetricSource create(SourceContext context);
}
