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
 * @param unit the unit the number is in, which decides how it is written; {@link Unit#TEXT} for text values
 * @param text the written form: formatted number, the text itself, or "n/a (reason)"
 * @param provenance source, query and window the value was computed from; null for labels
 * @param previous the previous period's value, when compared
 * @param deltaAbsolute {@code value - previous}, when both exist
 * @param deltaPercent relative change in percent, when defined
 * @param trend which way the value moved ({@link Delta}, 2% dead band); null without a previous value
 * @param direction which way of moving is an improvement; {@link Direction#NEUTRAL} when the change is not judged
 * @param good whether the change is good news by {@link #direction()}; null when unjudged
 * @param anomaly whether anomaly detection flagged the value as unusual
 * @param absentReason why there is no value; null when there is one
 * @param history earlier values in time order (for sparklines); empty when not tracked
 * @param evidence ids of the records the number counted ("d3 (root cause of INC-7)"), sorted; empty when not
 *     traced. JSON lists them per value and Markdown and HTML packs in an evidence appendix.
 * @param kpi the catalog id of the KPI this number is ({@code change_failure_rate}), or null for a value that is
 *     not a catalog KPI; the same KPI over the same window has the same value everywhere it appears
 * @param restriction who may read the value as written and what everyone else reads; null when every reader of its
 *     section may read it
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
   *
   * @param visibleTo the role or group ids that may read the value as written; at least one
   * @param redactedText what every other reader reads instead
   */
  public record Restriction(List<String> visibleTo, String redactedText) {
    /**
     * Copies the roles, which are unmodifiable afterwards.
     *
     * @param visibleTo the role or group ids that may read the value as written
     * @param redactedText what every other reader reads instead
     * @throws NullPointerException if {@code redactedText} is null
     * @throws IllegalArgumentException if {@code visibleTo} is empty
     */
    public Restriction {
      visibleTo = List.copyOf(visibleTo);
      Objects.requireNonNull(redactedText, "redactedText");
      if (visibleTo.isEmpty()) {
        throw new IllegalArgumentException("a restriction names at least one role");
      }
    }
  }

  /**
   * A value without a restriction (the form before {@link #restriction()} existed).
   *
   * @param value the number, or null for text and absent values
   * @param unit the unit the number is in
   * @param text the written form
   * @param provenance where the value was computed from, or null
   * @param previous the previous period's value, or null
   * @param deltaAbsolute {@code value - previous}, or null
   * @param deltaPercent the relative change in percent, or null
   * @param trend which way the value moved, or null
   * @param direction which way of moving is an improvement
   * @param good whether the change is good news, or null when unjudged
   * @param anomaly whether anomaly detection flagged the value
   * @param absentReason why there is no value, or null
   * @param history earlier values in time order
   * @param evidence ids of the records the number counted
   * @param kpi the catalog id of the KPI, or null
   */
  public MetricValue(@Nullable Double value, Unit unit, String text, @Nullable Provenance provenance, @Nullable Double previous,
      @Nullable Double deltaAbsolute, @Nullable Double deltaPercent, @Nullable Trend trend, Direction direction,
      @Nullable Boolean good, boolean anomaly, @Nullable String absentReason, List<Double> history, List<String> evidence,
      @Nullable String kpi) {
    this(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction, good, anomaly, absentReason,
        history, evidence, kpi, null);
  }

  /**
   * Copies the history and the evidence, which are unmodifiable afterwards, and checks the value.
   *
   * @param value the number, or null for text and absent values
   * @param unit the unit the number is in
   * @param text the written form
   * @param provenance where the value was computed from, or null
   * @param previous the previous period's value, or null
   * @param deltaAbsolute {@code value - previous}, or null
   * @param deltaPercent the relative change in percent, or null
   * @param trend which way the value moved, or null
   * @param direction which way of moving is an improvement
   * @param good whether the change is good news, or null when unjudged
   * @param anomaly whether anomaly detection flagged the value
   * @param absentReason why there is no value, or null
   * @param history earlier values in time order
   * @param evidence ids of the records the number counted
   * @param kpi the catalog id of the KPI, or null
   * @param restriction who may read the value as written, or null
   * @throws NullPointerException if {@code unit}, {@code text} or {@code direction} is null
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
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

  /**
   * A number computed from {@code provenance}, written by its unit.
   *
   * @param value the number; must be finite
   * @param unit the unit it is in, which writes it
   * @param provenance where it was computed from
   * @return the value, not yet compared with a previous period
   */
  public static MetricValue of(double value, Unit unit, Provenance provenance) {
    return new MetricValue(value, unit, unit.format(value), provenance, null, null, null, null,
        Direction.NEUTRAL, null, false, null, List.of(), List.of(), null);
  }

  /**
   * A number written in a custom way ("78/100"), computed from {@code provenance}.
   *
   * @param value the number; must be finite
   * @param unit the unit it is in
   * @param text how it is written
   * @param provenance where it was computed from, or null when it quotes no source
   * @return the value, not yet compared with a previous period
   */
  public static MetricValue of(double value, Unit unit, String text, @Nullable Provenance provenance) {
    return new MetricValue(value, unit, text, provenance, null, null, null, null, Direction.NEUTRAL,
        null, false, null, List.of(), List.of(), null);
  }

  /**
   * A text value (an id, a title, a status) taken from {@code provenance}'s rows.
   *
   * @param text the text
   * @param provenance the rows it was taken from, or null when it quotes no source
   * @return a value of unit {@link Unit#TEXT} without a number
   */
  public static MetricValue text(String text, @Nullable Provenance provenance) {
    return new MetricValue(null, Unit.TEXT, text, provenance, null, null, null, null, Direction.NEUTRAL,
        null, false, null, List.of(), List.of(), null);
  }

  /**
   * A label that is not evidence of anything (a column value such as a severity name).
   *
   * @param text the label
   * @return a text value without provenance
   */
  public static MetricValue label(String text) {
    return text(text, null);
  }

  /**
   * No value, for {@code reason} ("no incidents source configured"); written "n/a (reason)".
   *
   * @param reason why there is no value
   * @param unit the unit the value would have had
   * @return an absent value, which is never zero
   */
  public static MetricValue absent(String reason, Unit unit) {
    return new MetricValue(null, unit, "n/a (" + reason + ")", null, null, null, null, null,
        Direction.NEUTRAL, null, false, reason, List.of(), List.of(), null);
  }

  /**
   * Whether there is a value.
   *
   * @return true when there is a number or a text, false for an absent value
   */
  public boolean present() {
    return absentReason == null;
  }

  /**
   * This value compared with {@code previousValue} ({@code null} when the previous period has no value),
   * judged by {@code dir}. Trend and delta come from {@link Delta}.
   *
   * @param previousValue the previous period's value, or null when it has none
   * @param dir which way of moving is an improvement
   * @return a copy with the previous value and direction set, and trend, deltas and judgement when this value and
   *     {@code previousValue} are both numbers
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

  /**
   * The same value flagged as unusual by anomaly detection.
   *
   * @return a copy with {@link #anomaly()} true
   */
  public MetricValue flaggedAnomaly() {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, true, absentReason, history, evidence, kpi, restriction);
  }

  /**
   * The same value with {@code values} as its history.
   *
   * @param values earlier values, oldest first; NaN and infinite ones are dropped
   * @return a copy with that history
   */
  public MetricValue withHistory(List<Double> values) {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, anomaly, absentReason, values.stream().filter(Double::isFinite).toList(), evidence, kpi, restriction);
  }

  /**
   * The same value with {@code ids} (the records it counted) as its evidence.
   *
   * @param ids the ids of the records the number counted
   * @return a copy with that evidence
   */
  public MetricValue withEvidence(List<String> ids) {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, anomaly, absentReason, history, ids, kpi, restriction);
  }

  /**
   * The same value marked as the catalog KPI {@code id}.
   *
   * @param id the KPI's catalog id ({@code change_failure_rate})
   * @return a copy with {@link #kpi()} set
   */
  public MetricValue asKpi(String id) {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, anomaly, absentReason, history, evidence, id, restriction);
  }

  /**
   * The same value, readable as written only by {@code visibleTo}; others read {@code redactedText}.
   *
   * @param visibleTo the role or group ids that may read it as written; at least one
   * @param redactedText what every other reader reads instead
   * @return a copy with that {@link Restriction}
   * @throws IllegalArgumentException if {@code visibleTo} is empty
   */
  public MetricValue restrictedTo(List<String> visibleTo, String redactedText) {
    return new MetricValue(value, unit, text, provenance, previous, deltaAbsolute, deltaPercent, trend, direction,
        good, anomaly, absentReason, history, evidence, kpi, new Restriction(visibleTo, redactedText));
  }

  /**
   * What a reader who may not see the restricted facts reads: the redacted text, no record ids, no restriction.
   *
   * @param suffix text appended to the redacted text (the notice naming who may see the details)
   * @return a text value of the redacted text and {@code suffix} with this value's provenance; this value itself when
   *     it has no restriction
   */
  public MetricValue redacted(String suffix) {
    if (restriction == null) {
      return this;
    }
    return new MetricValue(null, Unit.TEXT, restriction.redactedText() + suffix, provenance, null, null, null, null,
        Direction.NEUTRAL, null, false, null, List.of(), List.of(), null, null);
  }

  /**
   * The trend as an arrow.
   *
   * @return ▲, ▼ or →, or "?" when there is no previous value
   */
  public String trendArrow() {
    return trend == null ? "?" : trend.symbol();
  }

  /**
   * The trend as a word.
   *
   * @return {@code up}, {@code down} or {@code flat}, or {@code unknown} when there is no previous value
   */
  public String trendName() {
    return trend == null ? "unknown" : trend.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The previous value as written in this value's unit.
   *
   * @return the written previous value, or "n/a (no previous value)" when there is none
   */
  public String previousText() {
    return previous == null ? "n/a (no previous value)" : unit.format(previous);
  }

  /**
   * The change written for a reader: "+3 (+25%)", "-1.5 h", "no change", or "n/a (no previous value)".
   * A change of a percentage is written in percentage points ("+1.5 pp").
   *
   * @return the absolute change with its sign, and the relative change when defined; for an absent value its own
   *     "n/a (reason)"
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
