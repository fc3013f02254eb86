package io.companyos.render.internal;

import io.companyos.model.data.KeyResult;
import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.scoring.okr.KeyResultProgress;
import io.companyos.scoring.window.ReportingWindows;
import io.companyos.sources.Provenance;
import org.jspecify.annotations.Nullable;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latest snapshot of each key result of a quarter, with its progress (shared by OKR, wins and risks sections). */
final class Okrs {
  /**
   * One key result's latest state. {@code provenance} is the KPI's computation when the key result names a KPI,
   * else the OKR rows; {@code absentReason} says why a named KPI has no value (the typed value is then shown).
   */
  record Kr(KeyResult kr, double progress, String status, Provenance provenance, @Nullable String absentReason) {}

  /** The quarter's key results and the dataset they came from. */
  record Quarter(String label, List<Kr> krs, Dataset<KeyResult> data, TimeWindow toDate) {}

  private Okrs() {}

  /** The key results of the quarter containing the pack's period end, latest snapshot before as-of. */
  static Quarter current(SectionContext ctx) {
    LocalDate day = ctx.asOf().atZone(ctx.zone()).toLocalDate();
    Period q = Period.containing(PeriodKind.QUARTER, day);
    Dataset<KeyResult> data = ctx.records(RecordKind.KEY_RESULTS, new TimeWindow(
        q.toWindow(ctx.zone()).start(), ctx.asOf()));
    Map<String, KeyResult> latest = new LinkedHashMap<>();
    data.rows().stream().filter(k -> k.quarter().equals(q.label()))
        .sorted(Comparator.comparing(KeyResult::updatedAt))
        .forEach(k -> latest.put(k.keyResultId(), k));
    List<Kr> out = new ArrayList<>();
    // Share of the quarter behind us, so that progress is judged against time elapsed.
    TimeWindow qw = q.toWindow(ctx.zone());
    double elapsed = (double) java.time.Duration.between(qw.start(), ctx.asOf()).toSeconds() / qw.length().toSeconds();
    // A key result that names a KPI takes its current value from that KPI over the quarter to date (complete days),
    // so it cannot contradict the KPI shown elsewhere; one that names none keeps its typed value.
    TimeWindow toDate = ReportingWindows.window(q, ctx.asOf(), ctx.zone());
    latest.values().stream().sorted(Comparator.comparing(KeyResult::keyResultId)).forEach(typed -> {
      KeyResult k = typed;
      Provenance prov = data.provenance();
      String reason = null;
      if (typed.kpi() != null && !typed.kpi().isBlank()) {
        KeyResultKpis.Value v = KeyResultKpis.of(ctx, typed.kpi(), toDate);
        if (v.value().isPresent()) {
          k = typed.withCurrent(Math.round(v.value().getAsDouble() * 10) / 10.0);
          prov = v.provenance();
        } else {
          reason = v.reason();
        }
      }
      double p = KeyResultProgress.progress(k);
      out.add(new Kr(k, p, p >= 1.0 ? "achieved" : KeyResultProgress.status(p, elapsed).label().toLowerCase(java.util.Locale.ROOT),
          prov, reason));
    });
    return new Quarter(q.label(), out, data, toDate);
  }
}
