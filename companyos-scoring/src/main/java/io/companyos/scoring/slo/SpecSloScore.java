package io.companyos.scoring.slo;

import io.companyos.model.slo.SloIndicator;
import io.companyos.model.slo.SloSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The numbers of an SLO written as a spec (OpenSLO, Sloth, Pyrra; {@link SloSpec}): its events over a window counted
 * by sending the indicator's queries as written, in the indicator's query form, then {@link Slo#ofCounts}; and its
 * burn-rate tier from the same counts over the four windows pairs of {@link BurnRateWindow#sreWorkbookDefaults()}.
 * The queries go out through {@link Events}, so packs and health checks count the same way with their own access to
 * the metric sources.
 *
 * <p>Per query form, the events of a window of {@code N} seconds ending at the evaluation instant:
 * counter {@code sum(increase(Q[Ns]))}; rate template Q with {@code {{.window}}} replaced by {@code Ns}, times N;
 * bool gauge {@code sum(count_over_time(Q[Ns]))} in all and {@code sum(sum_over_time(Q[Ns]))} good; samples the sum
 * of Q's points in the window; threshold {@code sum(count_over_time((Q)[Ns:1m]))} in all and
 * {@code sum(count_over_time((Q op V)[Ns:1m]))} good (one sample a minute). Counts are rounded to whole events, and
 * good or bad events capped at all events. A raw ratio ({@link SloIndicator.RawRatio}) has no counts: Q with
 * {@code {{.window}}} replaced by {@code Ns}, or {@code avg_over_time((Q)[Ns:1m])} for a ratio series, is the error
 * ratio (one minus it for a good ratio), kept within [0, 1], then {@link Slo#ofErrorRatio}.
 */
public final class SpecSloScore {
  /** A series selector ({@code name{labels}}), which {@code increase(…[W])} can take directly. */
  private static final Pattern SELECTOR = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*\\s*(\\{.*\\})?");

  private SpecSloScore() {}

  /** Where the counts come from: the metric source, at the end of the window being scored. */
  public interface Events {
    /**
     * The value of the instant PromQL {@code query} at the evaluation instant, summed over its series.
     *
     * @param query the PromQL query, as sent
     * @return the sum over the query's series
     */
    double instant(String query);

    /**
     * The value of the instant PromQL {@code query} at the evaluation instant, summed over its series, or NaN when it
     * has no series with a finite value (a ratio with no events); used for raw ratios, where 0 would read as "no
     * errors". The default is {@link #instant}, for sources that cannot tell.
     *
     * @param query the PromQL query, as sent
     * @return the sum over the query's series, or NaN without data
     */
    default double value(String query) {
      return instant(query);
    }

    /**
     * The sum of every point of every series of {@code selector} in the {@code length} before the evaluation instant.
     *
     * @param selector the series selector
     * @param length the length of the window that ends at the evaluation instant
     * @return the sum of the points
     */
    double sum(String selector, Duration length);
  }

  /**
   * Why {@code spec} has no numbers, or empty when it has: an indicator not computed (its reason), a metric source
   * other than Prometheus ("metric source datadog not configured"), or a counter or samples query that is not a series
   * selector.
   *
   * @param spec the SLO spec
   * @return the reason it has no numbers, or empty when it can be computed
   */
  public static Optional<String> notComputed(SloSpec spec) {
    SloIndicator i = spec.indicator();
    if (i instanceof SloIndicator.Unsupported u) {
      return Optional.of(u.reason());
    }
    if (!i.sourceType().equals("prometheus")) {
      return Optional.of("metric source " + i.sourceType() + " not configured");
    }
    if (i instanceof SloIndicator.Ratio r && (r.form() == SloIndicator.QueryForm.COUNTER || r.form() == SloIndicator.QueryForm.SAMPLES)) {
      for (String q : new String[] {r.total(), r.good() != null ? r.good() : r.bad()}) {
        if (q != null && !SELECTOR.matcher(q.strip()).matches()) {
          return Optional.of("a " + r.form().label() + " query must be a series selector, not '" + q + "'");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The SLO of {@code spec} over the {@code length} before the evaluation instant of {@code events}.
   *
   * @param spec the SLO spec
   * @param length the window's length; whole seconds are used
   * @param events where the counts come from
   * @return the SLO over the window, from counts rounded to whole events
   * @throws IllegalArgumentException when {@link #notComputed} is not empty, or the length is shorter than a second
   */
  public static SloResult over(SloSpec spec, Duration length, Events events) {
    Optional<String> why = notComputed(spec);
    if (why.isPresent()) {
      throw new IllegalArgumentException("SLO " + spec.name() + " is not computed: " + why.get());
    }
    long seconds = length.toSeconds();
    if (seconds <= 0) {
      throw new IllegalArgumentException("the window must be at least a second, was " + length);
    }
    if (spec.indicator() instanceof SloIndicator.RawRatio raw) {
      double v = events.value(rawQuery(raw, length));
      if (Double.isNaN(v)) {
        return Slo.ofErrorRatio(spec.objective(), Double.NaN);
      }
      double ratio = Math.max(0, Math.min(1, v));
      return Slo.ofErrorRatio(spec.objective(), raw.failure() ? ratio : 1 - ratio);
    }
    double all;
    double part;
    boolean partIsGood;
    if (spec.indicator() instanceof SloIndicator.Threshold t) {
      all = events.instant(totalQuery(spec, length));
      part = events.instant("sum(count_over_time((" + t.query().strip() + " " + t.comparison() + " " + SloSpec.plain(t.value())
          + ")[" + seconds + "s:1m]))");
      partIsGood = true;
    } else {
      SloIndicator.Ratio r = (SloIndicator.Ratio) spec.indicator();
      partIsGood = r.good() != null;
      all = count(r.form(), r.total(), length, true, events);
      part = count(r.form(), partIsGood ? r.good() : r.bad(), length, false, events);
    }
    long total = Math.max(0, Math.round(all));
    long counted = Math.max(0, Math.min(total, Math.round(part)));
    return Slo.ofCounts(spec.objective(), total, partIsGood ? total - counted : counted);
  }

  /**
   * The burn-rate tier of {@code spec} at the evaluation instant of {@code events} ({@link BurnRateAlerts#tier}).
   *
   * @param spec the SLO spec
   * @param events where the counts come from
   * @return the state of the workbook's four conditions
   * @throws IllegalArgumentException when {@link #notComputed} is not empty
   */
  public static BurnRateAlerts.Tier tier(SloSpec spec, Events events) {
    return BurnRateAlerts.tier(length -> over(spec, length, events));
  }

  /**
   * The query that counts all events of {@code spec} over {@code length}, as sent (for a samples indicator, the
   * selector whose points are summed); for provenance.
   *
   * @param spec the SLO spec
   * @param length the window's length; whole seconds are used
   * @return the query; for an unsupported indicator, its query as written
   */
  public static String totalQuery(SloSpec spec, Duration length) {
    String range = length.toSeconds() + "s";
    if (spec.indicator() instanceof SloIndicator.Threshold t) {
      return "sum(count_over_time((" + t.query().strip() + ")[" + range + ":1m]))";
    }
    if (spec.indicator() instanceof SloIndicator.Ratio r) {
      return query(r.form(), r.total(), range, true);
    }
    if (spec.indicator() instanceof SloIndicator.RawRatio raw) {
      return rawQuery(raw, length);
    }
    return ((SloIndicator.Unsupported) spec.indicator()).query();
  }

  /**
   * The evidence line of a spec's SLO.
   *
   * @param spec the SLO spec
   * @param r its SLO result
   * @return "name: N events, M bad, target T% (origin)"
   */
  public static String evidence(SloSpec spec, SloResult r) {
    return Slo.evidence(spec.name(), r) + " (" + spec.origin() + ")";
  }

  private static String rawQuery(SloIndicator.RawRatio raw, Duration length) {
    String range = length.toSeconds() + "s";
    return raw.windowTemplate() ? raw.query().replace(SloIndicator.RawRatio.WINDOW, range)
        : "avg_over_time((" + raw.query().strip() + ")[" + range + ":1m])";
  }

  private static double count(SloIndicator.QueryForm form, String query, Duration length, boolean total, Events events) {
    String q = query(form, query, length.toSeconds() + "s", total);
    return switch (form) {
      case SAMPLES -> events.sum(q, length);
      case RATE_TEMPLATE -> events.instant(q) * length.toSeconds();
      default -> events.instant(q);
    };
  }

  private static String query(SloIndicator.QueryForm form, String query, String range, boolean total) {
    return switch (form) {
      case COUNTER -> "sum(increase(" + query.strip() + "[" + range + "]))";
      case RATE_TEMPLATE -> query.replace("{{.window}}", range);
      case BOOL_GAUGE -> (total ? "sum(count_over_time(" : "sum(sum_over_time(") + query.strip() + "[" + range + "]))";
      case SAMPLES -> query.strip();
    };
  }
}
