package io.companyos.sources;

import io.companyos.model.source.SourceClaims;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which configured source serves a record kind or a metric, so that several sources can be
 * combined (incidents and deployments from exported files, {@code companyos:*} from Prometheus,
 * everything else from the sample company) and every number's provenance names the source that
 * actually served it.
 *
 * <p>A record kind goes to the source that claims it ({@code records:} in sources.yaml), else to the
 * first source, in file order, that claims no record kinds and holds the kind. A metric goes to the
 * first source whose {@code metrics:} patterns match its name, else to the first source without
 * metric claims that lists the name exactly, else to the first such source that answers any query
 * ({@code *}, e.g. Prometheus). So a Prometheus server listed first no longer hides the gauges of a
 * files source. Descriptions are asked once per router; a source that cannot describe itself fails
 * the routes that reach it.
 */
public final class SourceRouter {
  private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2",
      // aggregation operators, which may precede their argument with a "by (...)" clause
      "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile",
      "limitk", "limit_ratio");

  private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
  private static final String UNSERVED = SourceRouteException.CODE;

  private final List<MetricSource> sources;
  private final Map<MetricSource, SourceDescription> descriptions = new ConcurrentHashMap<>();
  private final Map<MetricSource, java.util.Set<String>> recordKinds = new ConcurrentHashMap<>();

  /**
   * A router over {@code sources}.
   *
   * @param sources the sources, in configuration order
   */
  public SourceRouter(List<MetricSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /**
   * The sources, in configuration order.
   *
   * @return the sources
   */
  public List<MetricSource> sources() {
    return sources;
  }

  /**
   * The description of {@code source}, asked once.
   *
   * @param source one of the sources
   * @return its description
   */
  public SourceDescription description(MetricSource source) {
    return descriptions.computeIfAbsent(source, MetricSource::describe);
  }

  /** The record kinds of {@code source}, asked once, without waiting for its metric names. */
  private java.util.Set<String> kinds(MetricSource source) {
    SourceDescription known = descriptions.get(source);
    return known != null ? known.recordKinds() : recordKinds.computeIfAbsent(source, MetricSource::recordKinds);
  }

  /**
   * The source that serves {@code kind}.
   *
   * @param kind a record kind
   * @return the source, or empty when none serves it
   */
  public Optional<MetricSource> forKind(RecordKind<?> kind) {
    for (MetricSource s : sources) {
      if (s.claims().records().contains(kind.name())) {
        return Optional.of(s);
      }
    }
    for (MetricSource s : sources) {
      if (!s.claims().claimsRecords() && kinds(s).contains(kind.name())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The source that serves the metric called {@code metric}.
   *
   * @param metric a metric name
   * @return the source, or empty when none serves it
   */
  public Optional<MetricSource> forMetric(String metric) {
    for (MetricSource s : sources) {
      if (s.claims().matchesMetric(metric)) {
        return Optional.of(s);
      }
    }
    for (MetricSource s : sources) {
      if (!s.claims().claimsMetrics() && description(s).metrics().contains(metric)) {
        return Optional.of(s);
      }
    }
    for (MetricSource s : sources) {
      if (!s.claims().claimsMetrics() && description(s).metrics().contains("*")) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The source that serves a PromQL-style {@code query}: the source of the first metric name in it that
   * some source serves (see {@link #metricNames}); for a query naming no metric, the first source that
   * answers any query.
   *
   * @param query a PromQL expression or a metric name
   * @return the source, or empty when none serves it
   */
  public Optional<MetricSource> forQuery(String query) {
    List<String> names = metricNames(query);
    for (String n : names) {
      Optional<MetricSource> s = forMetric(n);
      if (s.isPresent()) {
        return s;
      }
    }
    return names.isEmpty() ? forMetric("*") : Optional.empty();
  }

  /**
   * A claimed route the source cannot serve, located at the source's entry in sources.yaml.
   *
   * @param sourceId the configured id of the source
   * @param location {@code sources.yaml:line:col}, or empty when unknown
   * @param message what the source claims and does not hold
   */
  public record Unserved(String sourceId, String location, String message) {
    /**
     * The route as one error line.
     *
     * @return {@code sources.yaml:line:col: COS-SRC-006 message}
     */
    public String oneLine() {
      return (location.isEmpty() ? "" : location + ": ") + UNSERVED + " " + message;
    }
  }

  /**
   * Routes that cannot be served: a source that claims a record kind it does not hold, or metric
   * patterns while it answers no metric queries.
   *
   * @return the unserved routes, in configuration order; empty when all are served
   */
  public List<Unserved> unservedClaims() {
    List<Unserved> out = new ArrayList<>();
    for (MetricSource s : sources) {
      SourceClaims c = s.claims();
      if (!c.claimsRecords() && !c.claimsMetrics()) {
        continue;
      }
      SourceDescription d = description(s);
      for (String kind : c.records()) {
        if (!d.recordKinds().contains(kind)) {
          out.add(new Unserved(s.id(), c.location(), "source '" + s.id() + "' claims record kind '" + kind
              + "', which it does not hold (it holds: " + (d.recordKinds().isEmpty() ? "none"
              : String.join(", ", new java.util.TreeSet<>(d.recordKinds()))) + ")"));
        }
      }
      if (c.claimsMetrics() && d.metrics().isEmpty()) {
        out.add(new Unserved(s.id(), c.location(), "source '" + s.id() + "' claims metrics " + c.metrics()
            + " but answers no metric queries"));
      }
    }
    return out;
  }

  /**
   * Fails when a claimed route cannot be served (see {@link #unservedClaims}).
   *
   * @throws SourceRouteException located at the first unserved claim, naming how many there are
   */
  public void requireServedClaims() {
    List<Unserved> bad = unservedClaims();
    if (!bad.isEmpty()) {
      Unserved first = bad.get(0);
      throw new SourceRouteException(first.sourceId(), first.message() + (bad.size() > 1 ? " (and " + (bad.size() - 1)
          + " more unserved routes)" : ""), first.location().isEmpty() ? null : first.location(),
          "claim only what the source holds (records:, metrics: in sources.yaml), or remove the claim");
    }
  }

  /**
   * The metric names a PromQL expression reads, in order of appearance: identifiers outside label
   * matchers, ranges and strings that are not function calls or PromQL keywords. A plain metric name is
   * its own only name.
   *
   * @param query a PromQL expression
   * @return the metric names, without repeats
   */
  public static List<String> metricNames(String query) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    int n = query.length();
    while (i < n) {
      char c = query.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        int end = query.indexOf(c, i + 1);
        i = end < 0 ? n : end + 1;
      } else if (c == '{' || c == '[') {
        int end = query.indexOf(c == '{' ? '}' : ']', i + 1);
        i = end < 0 ? n : end + 1;
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_' || query.charAt(i) == ':')) {
          i++;
        }
        String word = query.substring(start, i);
        int j = i;
        while (j < n && Character.isWhitespace(query.charAt(j))) {
          j++;
        }
        boolean paren = j < n && query.charAt(j) == '(';
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (paren && GROUPING.contains(lower)) {
          int end = query.indexOf(')', j);
          i = end < 0 ? n : end + 1; // by (service, env): label names, not metrics
        } else if (!paren && !PROMQL_WORDS.contains(lower)) {
          names.add(word);
        }
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '.')) {
          i++; // a number or a duration such as 5m
        }
      } else {
        i++;
      }
    }
    return List.copyOf(names);
  }
}
