package io.companyos.model.source;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a configured source claims to serve, from its {@code records:} and {@code metrics:} keys in
 * {@code sources.yaml}. A source that lists record kinds serves exactly those kinds (and no other kind
 * it may hold); a source that lists metric-name patterns serves the metrics they match first, before
 * any source that merely holds the metric. Without claims a source serves whatever it describes, in
 * file order. Patterns are globs: {@code *} matches any run of characters, {@code ?} one character;
 * {@code companyos:*} matches every recording rule of the {@code companyos:} namespace.
 *
 * @param records record-kind names ({@code incidents}, {@code deployments}, ...); empty = no claim
 * @param metrics metric-name glob patterns; empty = no claim
 * @param location where the source is defined ({@code sources.yaml:4:5}), for problems about its routes
 * @param staleAfter how old the source's newest data may be before the numbers it serves are marked stale
 *     ({@code stale_after:}); null = the default of three days (longer for sparse data, see
 *     {@code Provenance.Coverage#staleBy})
 */
public record SourceClaims(List<String> records, List<String> metrics, String location,
    java.time.@org.jspecify.annotations.Nullable Duration staleAfter) {
  /** No claims: the source serves what it describes, after the sources that claim. */
  public static final SourceClaims NONE = new SourceClaims(List.of(), List.of(), "", null);

  public SourceClaims {
    records = List.copyOf(records);
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(location, "location");
  }

  /** Claims with the default freshness limit. */
  public SourceClaims(List<String> records, List<String> metrics, String location) {
    this(records, metrics, location, null);
  }

  /** True when the source lists the record kinds it serves. */
  public boolean claimsRecords() {
    return !records.isEmpty();
  }

  /** True when the source lists metric-name patterns. */
  public boolean claimsMetrics() {
    return !metrics.isEmpty();
  }

  /** True when one of the patterns matches {@code metric}. */
  public boolean matchesMetric(String metric) {
    for (String p : metrics) {
      if (glob(p).matcher(metric).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The regular expression of a glob pattern ({@code *} any run, {@code ?} one character, the rest literal). */
  public static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          re.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        re.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      re.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(re.toString());
  }
}
