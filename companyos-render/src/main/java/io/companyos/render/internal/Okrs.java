package io.companyos.render.internal;

import io.companyos.model.data.KeyResult;
import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.scoring.okr.OkrRollup;
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
  record Kr(KeyResult kr, double progress, String status, boolean achievedOrOnTrack, Provenance provenance, @Nullable String absentReason) {}

  /** The quarter's key results and the dataset they came from. */
  record Quarter(String label, List<Kr> krs, Dataset<KeyResult> data, TimeWindow toDate, List<OkrRollup.ObjectiveLine> objectives) {}

  private Okrs() {}

  /** The key results of the quarter containing the pack's period end, latest snapshot before as-of. */
  static Quarter current(SectionContext ctx) {
    LocalDate day = ctx.asOf().atZone(ctx.zone()).toLocalDate();
    Period q = Period.containing(PeriodKind.QUARTER, day);
    Dataset<KeyResult> data = ctx.records(RecordKind.KEY_RESULTS, new TimeWindow(
        q.toWindow(ctx.zone()).start(), ctx.asOf()));
    // Share of the quarter behind us, so that progress is judged against time elapsed.
    TimeWindow qw = q.toWindow(ctx.zone());
    double elapsed = OkrRollup.elapsed(qw, ctx.asOf());
    // A key result that names a KPI takes its current value from that KPI over the quarter to date (complete days),
    // so it cannot contradict the KPI shown elsewhere; one that names none keeps its typed value. The latest
    // snapshot of each key result is resolved so, then OkrRollup computes progress and rolls them up to objectives.
    TimeWindow toDate = ReportingWindows.window(q, ctx.asOf(), ctx.zone());
    Map<String, Provenance> provenance = new LinkedHashMap<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    List<KeyResult> resolved = new ArrayList<>();
    for (KeyResult typed : OkrRollup.latest(data.rows(), q.label())) {
      KeyResult k = typed;
      provenance.put(typed.keyResultId(), data.provenance());
      if (typed.kpi() != null && !typed.kpi().isBlank()) {
        KeyResultKpis.Value v = KeyResultKpis.of(ctx, typed.kpi(), toDate);
        if (v.value().isPresent()) {
          k = typed.withCurrent(v.value().getAsDouble()); // rounded once, when shown
          provenance.put(typed.keyResultId(), v.provenance());
        } else {
          reasons.put(typed.keyResultId(), v.reason());
        }
      }
      resolved.add(k);
    }
    List<OkrRollup.ObjectiveLine> objectives = OkrRollup.rollup(resolved, q.label(), elapsed);
    List<Kr> out = new ArrayList<>();
    for (OkrRollup.ObjectiveLine o : objectives) {
      for (OkrRollup.KeyResultLine line : o.keyResults()) {
        String id = line.keyResult().keyResultId();
        out.add(new Kr(line.keyResult(), line.progress(),
            line.achieved() ? "achieved" : line.status().label().toLowerCase(java.util.Locale.ROOT), line.achievedOrOnTrack(),
            provenance.get(id), reasons.get(id)));
      }
    }
    out.sort(Comparator.comparing(k -> k.kr().keyResultId()));
    return new Quarter(q.label(), out, data, toDate, objectives);
  }
}
