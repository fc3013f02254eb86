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

  public CompanyDefinition company() {
    return company;
  }

  public PackDefinition pack() {
    return pack;
  }

  public SectionSpec spec() {
    return spec;
  }

  /** The instant the pack's data is taken at. */
  public Instant asOf() {
    return asOf;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The period the whole pack reports on. */
  public Period packPeriod() {
    return packPeriod;
  }

  /** The window this section reports on. */
  public TimeWindow window() {
    return window;
  }

  /** The window this section compares with. */
  public TimeWindow previousWindow() {
    return previousWindow;
  }

  /** The heading: the configured {@code title}, else the type's seed heading. */
  public String title() {
    return spec.title().orElseGet(() -> SectionTitles.of(spec.type(), string(SectionSpec.COMPARE_TO, "")));
  }

  /** A builder for this section's content, with its type, title and windows set. */
  public SectionBuilder builder() {
    return new SectionBuilder(spec.type(), title(), window, previousWindow);
  }

  /** The value of parameter {@code name} as configured, else the type's default, else null. */
  public @Nullable Object param(String name) {
    Object v = spec.params().get(name);
    if (v != null) {
      return v;
    }
    return type == null ? null : type.param(name).map(ParamSpec::defaultValue).orElse(null);
  }

  public int integer(String name, int fallback) {
    return param(name) instanceof Integer i ? i : fallback;
  }

  public boolean bool(String name, boolean fallback) {
    return param(name) instanceof Boolean b ? b : fallback;
  }

  public String string(String name, String fallback) {
    return param(name) instanceof String s ? s : fallback;
  }

  public Duration duration(String name, Duration fallback) {
    return param(name) instanceof Duration d ? d : fallback;
  }

  public double decimal(String name, double fallback) {
    return param(name) instanceof BigDecimal b ? b.doubleValue() : fallback;
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String name, List<String> fallback) {
    return param(name) instanceof List<?> l ? (List<String>) l : fallback;
  }

  /** The {@code limit} parameter. */
  public int limit() {
    return integer(SectionSpec.LIMIT, 50);
  }

  /** True when some configured source holds {@code kind}. */
  public boolean supports(RecordKind<?> kind) {
    return sources.supports(kind);
  }

  /** The id of the source that serves {@code kind} (see {@code SourceRouter}), if any does. */
  public java.util.Optional<String> servedBy(RecordKind<?> kind) {
    return sources.supports(kind) ? java.util.Optional.of(sources.sourceFor(kind).id()) : java.util.Optional.empty();
  }

  /** The id of the source that serves {@code metric}, if any does. */
  public java.util.Optional<String> servedByMetric(String metric) {
    return sources.supportsMetric(metric) ? java.util.Optional.of(sources.sourceForMetric(metric).id())
        : java.util.Optional.empty();
  }

  /**
   * The rows of {@code kind} in {@code w}.
   *
   * @throws SectionUnavailableException when no source holds the kind
   */
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow w) {
    return sources.records(kind, w);
  }

  /**
   * A value computed from {@code data} (rows this context returned), computed once per pack however many
   * sections ask for it under the same {@code what}.
   */
  public <V> V derived(Dataset<?> data, String what, java.util.function.Supplier<V> compute) {
    return sources.derived(data, what, compute);
  }

  /**
   * A value shared by every pack the assembler produces, computed once per {@code what} and {@code key}; the key
   * names everything the value depends on besides the sources (typically the window and the as-of).
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
   */
  public Duration timeLeft() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /** The window the whole pack reports on (its period, complete days only; see {@code ReportingWindows}). */
  public TimeWindow packWindow() {
    return ReportingWindows.window(packPeriod, asOf, zone);
  }

  /** The window the pack's period is compared with (the same days of the previous period). */
  public TimeWindow packPreviousWindow() {
    return ReportingWindows.comparable(packWindow(), packPeriod.previous(), zone);
  }

  /** True when some configured source lists {@code metric}. */
  public boolean supportsMetric(String metric) {
    return sources.supportsMetric(metric);
  }

  /**
   * The series of {@code query} (a metric name with optional label matchers) over {@code w} at
   * resolution {@code step}.
   *
   * @throws SectionUnavailableException when no source lists the metric
   */
  public Dataset<Series> range(String metric, String query, TimeWindow w, Duration step) {
    return sources.range(metric, query, w, step);
  }

  /**
   * The value of the instant query {@code query} at {@code at} (PromQL for a Prometheus source), from the source
   * that serves the metrics it names.
   *
   * @throws SectionUnavailableException when no source serves them
   */
  public Dataset<Series> instant(String query, java.time.Instant at) {
    return sources.instant(query, at);
  }

  /** The series of {@code metric} (all label sets) over {@code w}, hourly. */
  public Dataset<Series> range(String metric, TimeWindow w) {
    return range(metric, metric, w, Duration.ofHours(1));
  }

  /**
   * A provenance for a value computed over {@code computedOver} from rows fetched (possibly over a wider window)
   * as {@code base}: the footnote then states the window the number covers, not the window that was read.
   */
  public static Provenance computedOver(Provenance base, TimeWindow computedOver, String query, long rows) {
    Objects.requireNonNull(query, "query");
    return new Provenance(base.sourceId(), base.query() + " | " + query, computedOver, base.fetchedAt(), rows, base.covers());
  }

  /** A provenance for a value derived from {@code base} rows, with {@code query} describing the computation. */
  public static Provenance derived(Provenance base, String query, long rows) {
    Objects.requireNonNull(query, "query");
    return new Provenance(base.sourceId(), base.query() + " | " + query, base.window(), base.fetchedAt(), rows, base.covers());
  }
}
