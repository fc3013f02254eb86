package io.companyos.model.slo;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an SLO counts. Queries are kept as the spec wrote them and sent to the metric source of
 * {@code sourceType} ({@code prometheus} for all three specs' usual case).
 */
public sealed interface SloIndicator {
  /** The metric source type the queries are written for, lower case ({@code prometheus}). */
  String sourceType();

  /** How a query turns into a number of events over a window. */
  enum QueryForm {
    /**
     * A counter selector or expression (OpenSLO {@code counter: true}, Pyrra): the events of a window are its
     * increase over the window, {@code sum(increase((QUERY)[W]))} at the window's end.
     */
    COUNTER,
    /**
     * A rate expression holding Sloth's {@code {{.window}}} placeholder: evaluated with the window put in, at the
     * window's end, it gives events per second averaged over the window; times the window's seconds, events.
     */
    RATE_TEMPLATE,
    /**
     * A gauge of 0 and 1 (Pyrra {@code bool_gauge}): each sample is an event, good when 1;
     * {@code sum_over_time} and {@code count_over_time} over the window count them.
     */
    BOOL_GAUGE,
    /**
     * A gauge whose every sample is the number of events since the previous sample (OpenSLO {@code counter: false},
     * a recording rule of per-interval counts): the events of a window are the sum of its samples.
     */
    SAMPLES;

    /** The form's name in lower case with dashes ({@code rate-template}), as listed and exported. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Good and bad events as a ratio of two queries: {@code total} with either {@code good} or {@code bad} (the other is
   * total minus it).
   */
  record Ratio(String sourceType, QueryForm form, @Nullable String good, @Nullable String bad, String total)
      implements SloIndicator {
    public Ratio {
      Objects.requireNonNull(sourceType, "sourceType");
      Objects.requireNonNull(form, "form");
      Objects.requireNonNull(total, "total");
      if ((good == null) == (bad == null)) {
        throw new IllegalArgumentException("a ratio indicator names exactly one of good and bad");
      }
    }
  }

  /**
   * A single metric held to a threshold (OpenSLO {@code thresholdMetric} with an objective's {@code op} and
   * {@code value}): the metric is sampled once a minute over the window, each sample an event, good when
   * {@code metric op value} holds.
   *
   * @param op {@code lt}, {@code lte}, {@code gt} or {@code gte}
   */
  record Threshold(String sourceType, String query, String op, double value) implements SloIndicator {
    /** The OpenSLO operators, in the order {@code lt}, {@code lte}, {@code gt}, {@code gte}. */
    public static final java.util.List<String> OPS = java.util.List.of("lt", "lte", "gt", "gte");

    public Threshold {
      Objects.requireNonNull(sourceType, "sourceType");
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(op, "op");
      if (!OPS.contains(op)) {
        throw new IllegalArgumentException("op must be one of " + OPS + ", was " + op);
      }
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("value must be finite");
      }
    }

    /** The PromQL comparison of {@link #op()} ({@code <}, {@code <=}, {@code >}, {@code >=}). */
    public String comparison() {
      return switch (op) {
        case "lt" -> "<";
        case "lte" -> "<=";
        case "gt" -> ">";
        default -> ">=";
      };
    }
  }

  /**
   * A ratio the metric source computes itself (Sloth {@code sli.raw.errorRatioQuery}, OpenSLO
   * {@code ratioMetric.raw} with {@code rawType}): the query's value is the error ratio ({@code failure}) or the good
   * ratio (not {@code failure}). A query holding Sloth's {@code {{.window}}} placeholder is evaluated with the window
   * put in, at the window's end; any other query is a ratio series, averaged over the window from one sample a minute
   * ({@code avg_over_time((QUERY)[W:1m])}). The result is a ratio without event counts: it has an attainment, a budget
   * and a burn rate, but no events to pool with other SLOs.
   *
   * @param failure whether the query gives the share of bad events (Sloth's error ratio, OpenSLO {@code rawType:
   *     failure}), else the share of good ones
   */
  record RawRatio(String sourceType, String query, boolean failure) implements SloIndicator {
    /** Sloth's window placeholder. */
    public static final String WINDOW = "{{.window}}";

    public RawRatio {
      Objects.requireNonNull(sourceType, "sourceType");
      Objects.requireNonNull(query, "query");
    }

    /** Whether the query holds the {@code {{.window}}} placeholder. */
    public boolean windowTemplate() {
      return query.contains(WINDOW);
    }
  }

  /**
   * An indicator CompanyOS lists but does not compute (a Sloth SLI plugin, a Pyrra {@code latencyNative} indicator); {@code reason} says why, and packs show
   * the SLO as "n/a (reason)".
   */
  record Unsupported(String sourceType, String kind, String query, String reason) implements SloIndicator {
    public Unsupported {
      Objects.requireNonNull(sourceType, "sourceType");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
