package io.companyos.sources.builtin.internal;

import io.companyos.sources.UnsupportedQueryException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The minimal query language of sources that hold plain metric points: a metric name, optionally
 * followed by exact label matchers, e.g. {@code companyos:slo:errors:count{service="search"}}. It is
 * deliberately not PromQL; anything else is rejected with a typed error.
 */
public record MetricSelector(String metric, Map<String, String> labels) {
  private static final Pattern SELECTOR = Pattern.compile("\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?:\\{(.*)})?\\s*");
  private static final Pattern MATCHER = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

  public MetricSelector {
    labels = Map.copyOf(labels);
  }

  public static MetricSelector parse(String sourceId, String query) {
    Matcher m = SELECTOR.matcher(query);
    if (!m.matches()) {
      throw invalid(sourceId, query);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    String body = m.group(2);
    if (body != null && !body.isBlank()) {
      for (String part : body.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
        Matcher lm = MATCHER.matcher(part);
        if (!lm.matches()) {
          throw invalid(sourceId, query);
        }
        labels.put(lm.group(1), lm.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
    }
    return new MetricSelector(m.group(1), labels);
  }

  public boolean matches(String metricName, Map<String, String> pointLabels) {
    if (!metric.equals(metricName)) {
      return false;
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getValue().equals(pointLabels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static UnsupportedQueryException invalid(String sourceId, String query) {
    return new UnsupportedQueryException(sourceId, "queries other than a metric name with exact label matchers"
        + " such as name{service=\"search\"}", query);
  }
}
