package io.companyos.render;

import io.companyos.model.CompanyDefinition;
import io.companyos.render.internal.Freshness;
import io.companyos.render.internal.HealthDimensions;
import io.companyos.scoring.health.HealthScore;
import io.companyos.model.pack.CompareTo;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.SectionSpec;
import io.companyos.model.pack.SectionType;
import io.companyos.model.pack.SectionTypeRegistry;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.SprintCalendar;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.internal.ExecutiveSummaries;
import io.companyos.scoring.window.ReportingWindows;

import io.companyos.render.internal.SourceCache;
import io.companyos.render.internal.WhatChanged;
import io.companyos.sources.MetricSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a pack definition and the company's sources into a {@link PackDocument} for one as-of instant
 * and time zone. Sections are assembled in parallel, each with its own timeout; a section whose
 * source fails or is too slow becomes unavailable with the reason, and the pack is still produced.
 */
public final class PackAssembler {
  /** Per-section time limit when none is given. */
  public static final Duration DEFAULT_SECTION_TIMEOUT = Duration.ofSeconds(20);

  private final CompanyDefinition company;
  private final List<MetricSource> sources;
  private final SectionAssemblerRegistry assemblers;
  private final SectionTypeRegistry types;
  private final Duration sectionTimeout;
  /** Values shared by every pack (the health score per window and as-of); cleared when it grows past a bound. */
  private final java.util.Map<Object, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int SHARED_LIMIT = 256;

  /**
   * An assembler with its own section assemblers and timeout.
   *
   * @param company the company whose packs are assembled
   * @param sources the configured sources; for each record kind the first that holds it is used
   * @param assemblers the assembler of each section type
   * @param sectionTimeout the time limit of the sections of a pack, which run in parallel; a section not done in
   *     time is unavailable
   * @throws IllegalArgumentException if {@code sectionTimeout} is not positive
   */
  public PackAssembler(CompanyDefinition company, List<MetricSource> sources, SectionAssemblerRegistry assemblers,
      Duration sectionTimeout) {
    this.company = Objects.requireNonNull(company, "company");
    this.sources = List.copyOf(sources);
    this.assemblers = Objects.requireNonNull(assemblers, "assemblers");
    this.types = SectionTypeRegistry.builtin();
    if (sectionTimeout.isNegative() || sectionTimeout.isZero()) {
      throw new IllegalArgumentException("section timeout must be positive");
    }
    this.sectionTimeout = sectionTimeout;
  }

  /**
   * An assembler with the built-in section assemblers and the default timeout ({@link #DEFAULT_SECTION_TIMEOUT}).
   *
   * @param company the company whose packs are assembled
   * @param sources the configured sources; for each record kind the first that holds it is used
   */
  public PackAssembler(CompanyDefinition company, List<MetricSource> sources) {
    this(company, sources, SectionAssemblerRegistry.builtin(), DEFAULT_SECTION_TIMEOUT);
  }

  /**
   * The period {@code pack} reports on when assembled as of {@code asOf} in {@code zone}.
   *
   * @param pack the pack; its meeting's cadence gives the kind of period (a week without a meeting)
   * @param asOf the instant the data is taken at
   * @param zone the time zone periods are in
   * @return the reported period, as {@link #assemble} would use it
   */
  public Period reportedPeriod(PackDefinition pack, Instant asOf, ZoneId zone) {
    return ReportingWindows.reported(packPeriodKind(pack), asOf, zone, company.rhythm().sprints());
  }

  /**
   * Assembles {@code pack} with data as of {@code asOf}, dates shown in {@code zone}. A leadership pack (one sent to
   * the executive team) also gets the executive summary, for which the health score and the open decisions are
   * assembled even when the pack does not show them.
   *
   * @param pack the pack to assemble
   * @param asOf the instant the data is taken at
   * @param zone the time zone periods and dates are in
   * @return the document; sections that failed or timed out are unavailable with their reason
   */
  public PackDocument assemble(PackDefinition pack, Instant asOf, ZoneId zone) {
    SprintCalendar sprints = company.rhythm().sprints();
    PeriodKind kind = packPeriodKind(pack);
    Period period = ReportingWindows.reported(kind, asOf, zone, sprints);
    SourceCache cache = new SourceCache(sources, sharedValues());
    boolean leadership = ExecutiveSummaries.isLeadershipPack(pack, company);
    List<SectionSpec> specs = new ArrayList<>(pack.sections());
    int shown = specs.size();
    if (leadership) {
      // The summary needs a health score and the open decisions even when the pack shows neither.
      for (String t : List.of("executive_summary", "decisions")) {
        if (pack.sections().stream().noneMatch(s -> s.type().equals(t))) {
          // The summary's health score covers the pack's own period (a QBR's quarter, not the exec review's month).
          specs.add(t.equals("executive_summary") ? new SectionSpec(t, java.util.Map.of(SectionSpec.COMPARE_TO, compareTo(kind)))
              : SectionSpec.of(t));
        }
      }
    }
    List<PackSection> all = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, specs.size())), r -> {
      Thread t = new Thread(r, "companyos-section-" + pack.id());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<PackSection>> futures = new ArrayList<>();
      List<SectionContext> contexts = new ArrayList<>();
      long sectionDeadline = System.nanoTime() + sectionTimeout.toNanos();
      for (SectionSpec spec : specs) {
        SectionContext ctx = context(pack, spec, asOf, zone, period, cache).withDeadline(sectionDeadline);
        io.companyos.render.internal.SectionCharts.prepare(ctx);
        contexts.add(ctx);
        futures.add(pool.submit(() -> assembleOne(ctx)));
      }
      long deadline = System.nanoTime() + sectionTimeout.toNanos();
      for (int i = 0; i < specs.size(); i++) {
        PackSection section = await(futures.get(i), contexts.get(i), deadline).withVisibleTo(specs.get(i).visibleTo());
        all.add(section.withStale(Freshness.notice(section, asOf, zone)));
      }
    } finally {
      pool.shutdownNow();
    }
    List<PackSection> sections = all.subList(0, shown);
    List<Mover> movers = WhatChanged.biggestMovers(sections, WhatChanged.SHOWN);
    ExecutiveSummary summary = leadership ? ExecutiveSummaries.of(all, zone) : null;
    return new PackDocument(pack.id(), pack.name(), pack.meeting(), asOf, zone, period, period.previous(), sections,
        movers, summary, all.subList(shown, all.size()));
  }

  /**
   * The company's headline health score as of {@code asOf}: the standard model over {@link #healthWindow}, the
   * same number (same window, same as-of) as the exec review's headline, with its explanation.
   *
   * @param asOf the instant the data is taken at
   * @param zone the time zone the month and its days are in
   * @return the score with its dimensions and the contribution of each KPI
   * @throws IllegalStateException if the company defines no pack
   */
  public HealthScore healthScore(Instant asOf, ZoneId zone) {
    PackDefinition pack = company.packs().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("the company defines no pack"));
    Period month = ReportingWindows.reported(PeriodKind.MONTH, asOf, zone, company.rhythm().sprints());
    SectionContext ctx = context(pack, SectionSpec.of("executive_summary"), asOf, zone, month, new SourceCache(sources, sharedValues()));
    return HealthDimensions.score(ctx, ReportingWindows.window(month, asOf, zone));
  }

  /**
   * The window of the headline health score at {@code asOf}: the month reported at the as-of (the current
   * month once half of it has passed, else the last one), over its complete days.
   *
   * @param asOf the instant the score is taken at
   * @param zone the time zone the month and its days are in
   * @return the window
   */
  public TimeWindow healthWindow(Instant asOf, ZoneId zone) {
    Period month = ReportingWindows.reported(PeriodKind.MONTH, asOf, zone, company.rhythm().sprints());
    return ReportingWindows.window(month, asOf, zone);
  }

  private java.util.Map<Object, Object> sharedValues() {
    if (shared.size() > SHARED_LIMIT) {
      shared.clear();
    }
    return shared;
  }

  private PackSection await(Future<PackSection> f, SectionContext ctx, long deadlineNanos) {
    try {
      long left = Math.max(0, deadlineNanos - System.nanoTime());
      return f.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return unavailable(ctx, "timed out after " + sectionTimeout.toMillis() + " ms waiting for its source"
          + io.companyos.render.internal.HeapPressure.note());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unavailable(ctx, "interrupted");
    } catch (ExecutionException e) {
      return unavailable(ctx, reason(e.getCause()));
    }
  }

  private PackSection assembleOne(SectionContext ctx) {
    SectionSpec spec = ctx.spec();
    SectionAssembler a = assemblers.find(spec.type()).orElse(null);
    if (a == null) {
      return PackSection.unavailable(spec.type(), ctx.title(), "no assembler for section type '" + spec.type() + "'");
    }
    try {
      return io.companyos.render.internal.SectionCharts.attach(a.assemble(ctx), ctx);
    } catch (RuntimeException e) {
      return unavailable(ctx, reason(e));
    }
  }

  private PackSection unavailable(SectionContext ctx, String reason) {
    SectionAssembler a = assemblers.find(ctx.spec().type()).orElse(null);
    if (a != null) {
      try {
        return a.unavailable(ctx, reason);
      } catch (RuntimeException ignored) {
        // fall through to the plain unavailable section
      }
    }
    return PackSection.unavailable(ctx.spec().type(), ctx.title(), reason);
  }

  private static String reason(Throwable t) {
    String heap = maybeShortOfHeap(t) ? io.companyos.render.internal.HeapPressure.note() : "";
    if (t instanceof io.companyos.model.base.CompanyOsException c) {
      // A located problem (a bad row of a data file) reads as the CLI prints it: "incidents.csv:6: COS-SRC-003 ...".
      return (c.location() != null ? io.companyos.render.internal.Reasons.of(c) : c.getMessage() + "; " + c.code()) + heap;
    }
    return "failed: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + heap;
  }

  /**
   * Whether a section's failure may come from a JVM short of heap, which crawls before it fails: a source that timed
   * out, or an {@link OutOfMemoryError} anywhere in the causes. Its reason then says how the heap was
   * ({@link io.companyos.render.internal.HeapPressure}).
   */
  static boolean maybeShortOfHeap(Throwable t) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < 16; c = c.getCause(), depth++) {
      if (c instanceof io.companyos.sources.SourceTimeoutException || c instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  private SectionContext context(PackDefinition pack, SectionSpec spec, Instant asOf, ZoneId zone, Period period,
      SourceCache cache) {
    SectionType type = types.find(spec.type()).orElse(null);
    TimeWindow window;
    TimeWindow previous;
    Duration lookback = spec.lookback().orElse(null);
    CompareTo compare = spec.compareTo().orElse(null);
    if (lookback == null && compare == null && type != null) {
      Object dflt = type.param(SectionSpec.COMPARE_TO).map(p -> p.defaultValue()).orElse(null);
      compare = dflt instanceof String s ? CompareTo.fromYaml(s).orElse(null) : null;
      if (compare == null) {
        Object lb = type.param(SectionSpec.LOOKBACK).map(p -> p.defaultValue()).orElse(null);
        lookback = lb instanceof Duration d ? d : null;
      }
    }
    if (lookback != null) {
      window = TimeWindow.ending(asOf, lookback);
      previous = window.previous();
    } else {
      Period p = compare == null ? period
          : ReportingWindows.reported(compare.period(), asOf, zone, company.rhythm().sprints());
      window = ReportingWindows.window(p, asOf, zone);
      previous = ReportingWindows.comparable(window, p.previous(), zone);
    }
    return new SectionContext(company, pack, spec, type, asOf, zone, period, window, previous, cache);
  }

  private static String compareTo(PeriodKind kind) {
    for (CompareTo c : CompareTo.values()) {
      if (c.period() == kind) {
        return c.yamlName();
      }
    }
    return CompareTo.PREVIOUS_MONTH.yamlName();
  }

  private PeriodKind packPeriodKind(PackDefinition pack) {
    if (pack.meeting() == null) {
      return PeriodKind.WEEK;
    }
    return company.rhythm().meeting(pack.meeting()).map(Meeting::cadence).map(io.companyos.model.rhythm.Cadence::periodKind)
        .orElse(PeriodKind.WEEK);
  }
}
