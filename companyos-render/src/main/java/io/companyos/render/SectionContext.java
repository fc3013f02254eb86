package io.companyos.render;

import io.companyos.scoring.window.ReportingWindows;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.ParamSpec;
import io.companyos.model.pack.SectionSpec;
import io.companyos.model.pack.SectionType;
import io.companyos.model.time.Period;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.internal.SectionTitles;
import io.companyos.render.internal.SourceCache;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything an assembler needs for one section: the configured parameters (with the type's
 * defaults), the windows it reports on and compares with, the as-of instant and zone, the company's
 * definitions, and access to the sources. Sources are reached only through this object.
 */
public final class SectionContext {
  private final CompanyDefinition company;
  private final PackDefinition pack;
  private final SectionSpec spec;
  private final @Nullable SectionType type;
  private final Instant asOf;
  private final ZoneId zone;
  private final Period packPeriod;
  private final TimeWindow window;
  private final TimeWindow previousWindow;
  private final SourceCache sources;
  private final long deadlineNanos;

  SectionContext(CompanyDefinition company, PackDefinition pack, SectionSpec spec, @Nullable SectionType type,
      Instant asOf, ZoneId zone, Period packPeriod, TimeWindow window, TimeWindow previousWindow, SourceCache sources) {
    this(company, pack, spec, type, asOf, zone, packPeriod, window, previousWindow, sources, System.nanoTime() + Duration.ofDays(1).toNanos());
  }

  SectionContext(CompanyDefinition company, PackDefinition pack, SectionSpec spec, @Nullable SectionType type,
      Instant asOf, ZoneId zone, Period packPeriod, TimeWindow window, TimeWindow previousWindow, SourceCache sources,
      long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
    this.company = company;
    this.pack = pack;
    this.spec = spec;
    this.type = type;
    this.asOf = asOf;
    this.zone = zone;
    this.packPeriod = packPeriod;
    this.window = window;
    this.previousWindow = previousWindow;
    this.sources = sources;
  }

  /**
   * The company the pack is assembled for.
   *
   * @return its definitions: roles, rhythm, packs, health model and the rest
   */
  public CompanyDefinition company() {
    return company;
  }

  /**
   * The pack this section belongs to.
   *
   * @return the pack's definition
   */
  public PackDefinition pack() {
    return pack;
  }

  /**
   * The section as the pack YAML configures it.
   *
   * @return its type name and the parameters written next to it
   */
  public SectionSpec spec() {
    return spec;
  }

  /**
   * The instant the pack's data is taken at.
   *
   * @return the as-of instant
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * The time zone the pack's periods and dates are in.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The period the whole pack reports on.
   *
   * @return the pack's period (week, month, quarter, sprint or day)
   */
  public Period packPeriod() {
    return packPeriod;
  }

  /**
   * The window this section reports on: its {@code lookback} up to the as-of, or the complete days of the period
   * its {@code compare_to} (else the pack's period) reports.
   *
   * @return the section's window
   */
  public TimeWindow window() {
    return window;
  }

  /**
   * The window this section compares with.
   *
   * @return the window before a lookback window, or the same days of the previous period
   */
  public TimeWindow previousWindow() {
    return previousWindow;
  }

  /**
   * The section's heading.
   *
   * @return the configured {@code title}, else the type's seed heading
   */
  public String title() {
    return spec.title().orElseGet(() -> SectionTitles.of(spec.type(), string(SectionSpec.COMPARE_TO, "")));
  }

  /**
   * A builder for this section's content.
   *
   * @return a new builder with the section's type, title and windows set
   */
  public SectionBuilder builder() {
    return new SectionBuilder(spec.type(), title(), window, previousWindow);
  }

  /**
   * The value of a parameter.
   *
   * @param name the parameter's name ({@code limit})
   * @return the value as configured, else the type's default, else null
   */
  public @Nullable Object param(String name) {
    Object v = spec.params().get(name);
    if (v != null) {
      return v;
    }
    return type == null ? null : type.param(name).map(ParamSpec::defaultValue).orElse(null);
  }

  /**
   * An integer parameter.
   *
   * @param name the parameter's name
   * @param fallback the value when the parameter is unset or not an integer
   * @return the parameter's value (see {@link #param}), or {@code fallback}
   */
  public int integer(String name, int fallback) {
    return param(name) instanceof Integer i ? i : fallback;
  }

  /**
   * A boolean parameter.
   *
   * @param name the parameter's name
   * @param fallback the value when the parameter is unset or not a boolean
   * @return the parameter's value (see {@link #param}), or {@code fallback}
   */
  public boolean bool(String name, boolean fallback) {
    return param(name) instanceof Boolean b ? b : fallback;
  }

  /**
   * A text parameter.
   *
   * @param name the parameter's name
   * @param fallback the value when the parameter is unset or not text
   * @return the parameter's value (see {@link #param}), or {@code fallback}
   */
  public String string(String name, String fallback) {
    return param(name) instanceof String s ? s : fallback;
  }

  /**
   * A duration parameter ({@code 7d}, {@code 24h} in the YAML).
   *
   * @param name the parameter's name
   * @param fallback the value when the parameter is unset or not a duration
   * @return the parameter's value (see {@link #param}), or {@code fallback}
   */
  public Duration duration(String name, Duration fallback) {
    return param(name) instanceof Duration d ? d : fallback;
  }

  /**
   * A decimal parameter.
   *
   * @param name the parameter's name
   * @param fallback the value when the parameter is unset or not a decimal number
   * @return the parameter's value (see {@link #param}), or {@code fallback}
   */
  public double decimal(String name, double fallback) {
    return param(name) instanceof BigDecimal b ? b.doubleValue() : fallback;
  }

  /**
   * A list parameter whose entries are text.
   *
   * @param name the parameter's name
   * @param fallback the value when the parameter is unset or not a list
   * @return the parameter's value (see {@link #param}), or {@code fallback}
   */
  @SuppressWarnings("unchecked")
  public List<String> strings(String name, List<String> fallback) {
    return param(name) instanceof List<?> l ? (List<String>) l : fallback;
  }

  /**
   * The {@code limit} parameter: how many rows or entries the section shows at most.
   *
   * @return the configured limit, else the type's default, else 50
   */
  public int limit() {
    return integer(SectionSpec.LIMIT, 50);
  }

  /**
   * Whether some configured source holds {@code kind}.
   *
   * @param kind the record kind
   * @return true when {@link #records} can be asked for it
   */
  public boolean supports(RecordKind<?> kind) {
    return sources.supports(kind);
  }

  /**
   * The source that serves {@code kind} (see {@code SourceRouter}).
   *
   * @param kind the record kind
   * @return the configured id of that source, or empty when none holds the kind
   */
  public java.util.Optional<String> servedBy(RecordKind<?> kind) {
    return sources.supports(kind) ? java.util.Optional.of(sources.sourceFor(kind).id()) : java.util.Optional.empty();
  }

  /**
   * The source that serves {@code metric}.
   *
   * @param metric the metric name
   * @return the configured id of that source, or empty when none lists the metric
   */
  public java.util.Optional<String> servedByMetric(String metric) {
    return sources.supportsMetric(metric) ? java.util.Optional.of(sources.sourceForMetric(metric).id())
        : java.util.Optional.empty();
  }

  /**
   * The rows of {@code kind} in {@code w}, fetched once per pack however many sections ask for them. A source's
   * failure propagates unchanged.
   *
   * @param <T> the row type
   * @param kind the record kind
   * @param w the window the rows must lie in
   * @return the rows and their provenance
   * @throws SectionUnavailableException when no source holds the kind
   */
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow w) {
    return sources.records(kind, w);
  }

  /**
   * Starts reading the rows of {@code kind} in {@code w} in the background, for a section that will ask
   * {@link #records} for them after other reads: its reads then run at the same time instead of one after another.
   * Returns at once; nothing happens when no source holds the kind. A failure is reported by the {@code records} call,
   * as it would have been without the prefetch.
   *
   * @param kind the record kind
   * @param w the window the section will ask for
   */
  public void prefetch(RecordKind<?> kind, TimeWindow w) {
    sources.prefetch(kind, w);
  }

  /**
   * A value computed from {@code data} (rows this context returned), computed once per pack however many
   * sections ask for it under the same {@code what}.
   *
   * @param <V> the value's type
   * @param data rows this context returned (the same instance)
   * @param what names the value, e.g. "distinct users"
   * @param compute computes the value when it is not known yet
   * @return the value computed for {@code data} and {@code what}
   */
  public <V> V derived(Dataset<?> data, String what, java.util.function.Supplier<V> compute) {
    return sources.derived(data, what, compute);
  }

  /**
   * A value shared by every pack the assembler produces, computed once per {@code what} and {@code key}; the key
   * names everything the value depends on besides the sources (typically the window and the as-of).
   *
   * @param <V> the value's type
   * @param what names the value
   * @param key everything else the value depends on
   * @param compute computes the value when it is not known yet
   * @return the value known under {@code what} and {@code key}
   */
  public <V> V shared(String what, Object key, java.util.function.Supplier<V> compute) {
    return sources.shared(List.of(what, key), compute);
  }

  /** This context with the section's deadline ({@link System#nanoTime()} based). */
  SectionContext withDeadline(long nanos) {
    return new SectionContext(company, pack, spec, type, asOf, zone, packPeriod, window, previousWindow, sources, nanos);
  }

  /**
   * How long the section may still take before the pack gives up on it (its timeout); a section that runs independent
   * parts (the recommendation rules) waits for each at most this long, so one hanging source costs only its part.
   *
   * @return the time left, zero once the deadline has passed
   */
  public Duration timeLeft() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /**
   * The window the whole pack reports on.
   *
   * @return the pack's period over its complete days at the as-of (see {@code ReportingWindows})
   */
  public TimeWindow packWindow() {
    return ReportingWindows.window(packPeriod, asOf, zone);
  }

  /**
   * The window the pack's period is compared with.
   *
   * @return the same days of the previous period
   */
  public TimeWindow packPreviousWindow() {
    return ReportingWindows.comparable(packWindow(), packPeriod.previous(), zone);
  }

  /**
   * The metric points in {@code w} of the source that serves {@code metric} (all of that source's metrics, as its
   * {@code metrics} records), fetched once per pack.
   *
   * @param metric the metric name, which picks the source
   * @param w the window the points' timestamps must lie in
   * @return the points and their provenance
   * @throws SectionUnavailableException when no source lists the metric
   */
  public Dataset<io.companyos.model.data.MetricPoint> metricPoints(String metric, TimeWindow w) {
    return sources.metricPoints(metric, w);
  }

  /**
   * Whether some configured source lists {@code metric}.
   *
   * @param metric the metric name
   * @return true when {@link #range} can be asked for it
   */
  public boolean supportsMetric(String metric) {
    return sources.supportsMetric(metric);
  }

  /**
   * The series of {@code query} (a metric name with optional label matchers) over {@code w} at
   * resolution {@code step}, fetched once per pack.
   *
   * @param metric the metric name, which picks the source
   * @param query the metric name with optional label matchers
   * @param w the window
   * @param step the resolution
   * @return the series and their provenance
   * @throws SectionUnavailableException when no source lists the metric
   */
  public Dataset<Series> range(String metric, String query, TimeWindow w, Duration step) {
    return sources.range(metric, query, w, step);
  }

  /**
   * The value of the instant query {@code query} at {@code at} (PromQL for a Prometheus source), from the source
   * that serves the metrics it names, fetched once per pack.
   *
   * @param query the query
   * @param at the instant it is evaluated at
   * @return the series of the answer and their provenance
   * @throws SectionUnavailableException when no source serves them
   */
  public Dataset<Series> instant(String query, java.time.Instant at) {
    return sources.instant(query, at);
  }

  /**
   * The series of {@code metric} (all label sets) over {@code w}, hourly.
   *
   * @param metric the metric name
   * @param w the window
   * @return the series and their provenance
   * @throws SectionUnavailableException when no source lists the metric
   */
  public Dataset<Series> range(String metric, TimeWindow w) {
    return range(metric, metric, w, Duration.ofHours(1));
  }

  /**
   * A provenance for a value computed over {@code computedOver} from rows fetched (possibly over a wider window)
   * as {@code base}: the footnote then states the window the number covers, not the window that was read.
   *
   * @param base the provenance of the fetched rows
   * @param computedOver the window the number covers
   * @param query the computation, appended to the base's query after " | "
   * @param rows how many rows the number was computed from
   * @return the provenance with the base's source, fetch time and coverage
   */
  public static Provenance computedOver(Provenance base, TimeWindow computedOver, String query, long rows) {
    Objects.requireNonNull(query, "query");
    return new Provenance(base.sourceId(), base.query() + " | " + query, computedOver, base.fetchedAt(), rows, base.covers());
  }

  /**
   * A provenance for a value derived from {@code base} rows, with {@code query} describing the computation.
   *
   * @param base the provenance of the rows
   * @param query the computation, appended to the base's query after " | "
   * @param rows how many rows the value was computed from
   * @return the provenance with the base's source, window, fetch time and coverage
   */
  public static Provenance derived(Provenance base, String query, long rows) {
    Objects.requireNonNull(query, "query");
    return new Provenance(base.sourceId(), base.query() + " | " + query, base.window(), base.fetchedAt(), rows, base.covers());
  }
}
