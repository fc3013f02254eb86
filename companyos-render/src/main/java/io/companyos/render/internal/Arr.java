package io.companyos.render.internal;

import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.scoring.finops.ArrMetrics;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.render.MetricValue;
import io.companyos.render.Unit;
import io.companyos.scoring.Direction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * ARR figures of a window from the accounts and their ARR movements, computed by the scoring module's
 * {@link ArrMetrics}, with the provenance of the movements they came from.
 */
final class Arr {
  /** How far back accounts and movements are read. */
  static final Duration HISTORY = Duration.ofDays(3650);

  private Arr() {}

  /** ARR at the start and end of {@code w}, new, churned and net new ARR, NRR and logo retention. */
  static ArrMetrics.Result of(SectionContext ctx, TimeWindow w) {
    TimeWindow all = TimeWindow.ending(ctx.asOf(), HISTORY);
    Dataset<Account> accounts = ctx.records(RecordKind.ACCOUNTS, all);
    Dataset<ArrMovement> movements = ctx.records(RecordKind.ARR_MOVEMENTS, all);
    return ArrMetrics.compute(accounts.rows(), movements.rows(), w, ctx.asOf());
  }

  /** Net revenue retention over the year ending at the end of {@code w}. */
  static ArrMetrics.Result trailingYear(SectionContext ctx, TimeWindow w) {
    return of(ctx, TimeWindow.ending(w.end(), Duration.ofDays(365)));
  }

  /**
   * The ARR figure {@code kpi} over {@code w}, against {@code pw} (none when null): the value precomputed for exactly
   * that window when a source holds one ({@link Precomputed}), else {@code figure} of the accounts and movements; with
   * neither, n/a naming what is missing.
   */
  static MetricValue figure(SectionContext ctx, String kpi, TimeWindow w, @Nullable TimeWindow pw, Unit unit,
      Function<ArrMetrics.Result, OptionalDouble> figure, String how, String absent, Direction dir,
      @Nullable Supplier<List<String>> evidence) {
    Optional<Precomputed.Found> pc = Precomputed.find(ctx, kpi, w);
    Optional<Precomputed.Found> pp = pw == null ? Optional.empty() : Precomputed.find(ctx, kpi, pw);
    boolean records = ctx.supports(RecordKind.ACCOUNTS) && ctx.supports(RecordKind.ARR_MOVEMENTS);
    MetricValue now;
    if (pc.isPresent()) {
      now = pc.get().metric(unit, 1);
    } else if (!records) {
      return MetricValue.absent("no source of accounts and ARR movements and no " + kpi + " precomputed for "
          + Windows.describe(w, ctx.zone()), unit).asKpi(kpi);
    } else {
      OptionalDouble v = figure.apply(of(ctx, w));
      if (v.isEmpty()) {
        return MetricValue.absent(absent, unit).asKpi(kpi);
      }
      now = MetricValue.of(v.getAsDouble(), unit, provenance(ctx, how, w));
      if (evidence != null) {
        now = now.withEvidence(evidence.get());
      }
    }
    if (pw != null) {
      OptionalDouble before = pp.isPresent() ? OptionalDouble.of(pp.get().scaled(1))
          : records ? figure.apply(of(ctx, pw)) : OptionalDouble.empty();
      now = now.comparedWith(before.isPresent() ? before.getAsDouble() : null, dir);
    }
    return now.asKpi(kpi);
  }

  /** The provenance of the movements, with {@code what} describing the computation and {@code over} its window. */
  static Provenance provenance(SectionContext ctx, String what, TimeWindow over) {
    Dataset<ArrMovement> movements = ctx.records(RecordKind.ARR_MOVEMENTS, TimeWindow.ending(ctx.asOf(), HISTORY));
    return SectionContext.computedOver(movements.provenance(), over, what, movements.rows().size());
  }
}
