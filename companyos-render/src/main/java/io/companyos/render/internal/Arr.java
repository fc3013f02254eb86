package io.companyos.render.internal;

import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.scoring.finops.ArrMetrics;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import java.time.Duration;

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

  /** The provenance of the movements, with {@code what} describing the computation and {@code over} its window. */
  static Provenance provenance(SectionContext ctx, String what, TimeWindow over) {
    Dataset<ArrMovement> movements = ctx.records(RecordKind.ARR_MOVEMENTS, TimeWindow.ending(ctx.asOf(), HISTORY));
    return SectionContext.computedOver(movements.provenance(), over, what, movements.rows().size());
  }
}
