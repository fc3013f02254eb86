package io.companyos.render;

import io.companyos.scoring.Delta;
import io.companyos.scoring.Direction;
import io.companyos.scoring.Trend;
import io.companyos.sources.Provenance;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One value in a pack with its evidence: the number, its unit and written form, where it came from,
 * and how it compares with the previous period. A value can also be text (a deploy id, a CVE title)
 * or absent with a reason, which renders as "n/a (reason)" and is never zero.
 *
 * @param value the number, or null for text and absent values
 * @param text the written form: formatted number, the text itself, or "n/a (reason)"
 * @param provenance source, query and window the value was computed from; null for labels
 * @param previous the previous period's value, when compared
 * @param deltaAbsolute {@code value - previous}, when both exist
 * @param deltaPercent relative change in percent, when defined
 * @param trend which way the value moved ({@link Delta}, 2% dead band); null without a previous value
 * @param good whether the change is good news by {@link #direction()}; null when unjudged
 * @param absentReason why there is no value; null when there is one
 * @param history earlier values in time order (for sparklines); empty when not tracked
 * @param kpi the catalog id of the KPI this number is ({@code change_failure_rate}), or null for a value that is
 *     not a catalog KPI; the same KPI over the same window has the same value everywhere it appears
 * @param evidence ids of the records the number counted ("d3 (root cause of INC-7)"), sorted; empty when not
 *     traced. JSON lists them per value and Markdown and HTML packs in an evidence appendix.
 */
public record MetricValue(
    @Nullable Double value,
    Unit unit,
    String text,
    @Nullable Provenance provenance,
    @Nullable Double previous,
    @Nullable Double deltaAbsolute,
    @Nullable Double deltaPercent,
    @Nullable Trend trend,
    Direction direction,
    @Nullable Boolean good,
    boolean anomaly,
    @Nullable String absentReason,
    List<Double> history,
    List<String> evidence,
    @Nullable String kpi,
    @Nullable Restriction restriction) {

  /**
   * A value that quotes facts only some roles may see (a CVE id and its component, shown in full to the security
   * team): {@code visibleTo} are the roles (or groups) that may read it as written; everyone else reads
   * {@code redactedText}, and the record ids are dropped. {@link AccessPolicy} applies it wherever the value appears.
   */
  public record Restriction(List<String> visibleTo, String redactedText) {
    public Restriction {
      visibleTo = List.copyOf(visibleTo);
      Objects.requireNonNull(redactedText, "redactedText");
      if (visibleTo.isEmpty()) {
        throw new IllegalArgumentException("a restriction names at least one role");
      }
    }
  }

  /** A value without a restriction (the form before {@link #restriction()} existed). */
  public MetricValue(@Nullable Double value, Unit unit, String text, @Nullable Provenance provenance, @Nullable Double previous,
      @Nullable Double deltaAbsolute, @Nullable Double deltaPercent, @Nullable Trend trend, Direction direction,
      @Nullable Boolean good, boolean anomaly, @Nullable String absentReason, List<Double> history, List<String> evidence,
      @Nullable String kpi) {
    this(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction, good, anomaly, absentReason,
        history, evidence, kpi, null);
  }

  public MetricValue {
    history = List.copyOf(history);
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(direction, "direction");
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, was " + value);
    }
  }

  /** A number computed from {@code provenance}. */
  public static MetricValue of(double value, Unit unit, Provenance provenance) {
    return new MetricValue(value, unit, unit.format(value), provenance, null, null, null, null,
        Direction.NEUTRAL, null, false, null, List.of(), List.of(), null);
  }

  /** A number written in a custom way ("78/100"), computed from {@code provenance}. */
  public static MetricValue of(double value, Unit unit, String text, @Nullable Provenance provenance) {
    return new MetricValue(value, unit, text, provenance, null, null, null, null, Direction.NEUTRAL,
        null, false, null, List.of(), List.of(), null);
  }

  /** A text value (an id, a title, a status) taken from {@code provenance}'s rows. */
  public static MetricValue text(String text, @Nullable Provenance provenance) {
    return new MetricValue(null, Unit.TEXT, text, provenance, null, null, null, null, Direction.NEUTRAL,
        null, false, null, List.of(), List.of(), null);
  }

  /** A label that is not evidence of anything (a column value such as a severity name). */
  public static MetricValue label(String text) {
    return text(text, null);
  }

  /** No value, for {@code reason} ("no incidents source configured"); written "n/a (reason)". */
  public static MetricValue absent(String reason, Unit unit) {
    return new MetricValue(null, unit, "n/a (" + reason + ")", null, null, null, null, null,
        Direction.NEUTRAL, null, false, reason, List.of(), List.of(), null);
  }

  /** True when there is a number or a text, false for an absent value. */
  public boolean present() {
    return absentReason == null;
  }

  /**
   * This value compared with {@code previousValue} ({@code null} when the previous period has no value),
   * judged by {@code dir}. Trend and delta come from {@link Delta}.
   */
  public MetricValue comparedWith(@Nullable Double previousValue, Direction dir) {
    if (value == null || previousValue == null || !Double.isFinite(previousValue)) {
      return new MetricValue(value, unit, text, provenance, previousValue, null, null, null, dir, null,
          anomaly, absentReason, history, evidence, kpi, restriction);
    }
    Delta d = Delta.of(value, previousValue, dir);
    return new MetricValue(value, unit, text, provenance, previousValue, d.absolute(), d.percent(), d.trend(), dir, d.improved(), anomaly,
        absentReason, history, evidence, kpi, restriction);
  }

  /** The same value flagged as unusual by anomaly detection. */
  public MetricValue flaggedAnomaly() {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, true, absentReason, history, evidence, kpi, restriction);
  }

  /** The same value with {@code values} (oldest first, non-finite values dropped) as its history. */
  public MetricValue withHistory(List<Double> values) {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, anomaly, absentReason, values.stream().filter(Double::isFinite).toList(), evidence, kpi, restriction);
  }

  /** The same value with {@code ids} (the records it counted) as its evidence. */
  public MetricValue withEvidence(List<String> ids) {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, anomaly, absentReason, history, ids, kpi, restriction);
  }

  /** The same value marked as the catalog KPI {@code id}. */
  public MetricValue asKpi(String id) {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, anomaly, absentReason, history, evidence, id, restriction);
  }

  /** The same value, readable as written only by {@code visibleTo}; others read {@code redactedText}. */
  public MetricValue restrictedTo(List<String> visibleTo, String redactedText) {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, anomaly, absentReason, history, evidence, kpi, new Restriction(visibleTo, redactedText));
  }

  /** What a reader who may not see the restricted facts reads: the redacted text, no record ids, no restriction. */
  public MetricValue redacted(String suffix) {
    if (restriction == null) {
      return this;
    }
    return new MetricValue(null, Unit.TEXT, restriction.redactedText() + suffix, provenance, null, null, null, null,
        Direction.NEUTRAL, null, false, null, List.of(), List.of(), null, null);
  }

  /** The trend arrow (▲ ▼ →), or "?" when there is no previous value. */
  public String trendArrow() {
    return trend == null ? "?" : trend.symbol();
  }

  /** The trend in lower case ({@code up}, {@code down}, {@code flat}), or {@code unknown}. */
  public String trendName() {
    return trend == null ? "unknown" : trend.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The previous value in this value's unit, or "n/a" when there is none. */
  public String previousText() {
    return previous == null ? "n/a (no previous value)" : unit.format(previous);
  }

  /**
   * The change written for a reader: "+3 (+25%)", "-1.5 h", "no change", or "n/a (no previous value)".
   */
  public String deltaText() {
    if (deltaAbsolute == null) {
      return present() ? "n/a (no previous value)" : text;
    }
    if (trend == Trend.FLAT && deltaAbsolute == 0) {
      return "no change";
    }
    String abs = unit == Unit.PERCENT ? Unit.NUMBER.formatSigned(deltaAbsolute) + " pp" : unit.formatSigned(deltaAbsolute);
    if (deltaPercent == null) {
      return abs;
    }
    return abs + " (" + (deltaPercent >= 0 ? "+" : "-")
        + Unit.NUMBER.format(Math.abs(Math.round(deltaPercent * 10) / 10.0)) + "%)";
  }
}
