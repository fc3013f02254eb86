package io.companyos.model.slo;

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
    BOOL_GAUGE
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
   * An indicator CompanyOS lists but does not compute (an OpenSLO {@code thresholdMetric}, a Sloth
   * {@code sli.raw} error ratio, a Pyrra {@code latencyNative} indicator); {@code reason} says why, and packs show
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
