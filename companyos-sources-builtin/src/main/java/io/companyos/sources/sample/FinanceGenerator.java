package io.companyos.sources.sample;

import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.data.CostRow;
import io.companyos.model.data.KeyResult;
import io.companyos.model.data.MetricNames;
import io.companyos.sources.RecordKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Accounts and ARR movements, daily FOCUS cost rows per service (growing with users, with a cost spike
 * in {@code data-warehouse} twelve days before the reference as-of), monthly budgets, cost-per-MAU
 * targets, gross margin, and quarterly OKRs with weekly progress snapshots.
 */
final class FinanceGenerator {
  static final String COST_SPIKE_SERVICE = "data-warehouse";
  static final int COST_SPIKE_DAYS_BEFORE = 12;
  private static final List<String> COST_SERVICES = List.of(
      "api-gateway", "checkout", "search", "identity", "billing", "notifications", "data-warehouse", "shared-compute");
  private static final double[] DAILY_BASE = {420, 380, 300, 220, 260, 150, 500, 640};
  private static final String[] CATEGORY = {"Networking", "Compute", "Compute", "Compute", "Databases", "Compute", "Analytics", "Compute"};

  private static final String[][] OKRS = {
    {"Make the platform boringly reliable", "SLO attainment across tier-1 services|%|99.5|99.9|", "P1/P2 incidents per month|count|9|3|p1p2_incidents",
        "Median time to restore|hours|12|4|mttr_hours"},
    {"Grow product engagement", "Weekly active users|users|450|650|wau", "Stickiness (DAU/MAU)|%|25|35|stickiness",
        "Feature adoption of dashboards-v2|%|60|100|feature_adoption:dashboards-v2"},
    {"Run an efficient cloud", "Cost per MAU|$|340|280|cost_per_mau", "Savings-plan coverage|%|45|75|sp_coverage",
        "Spot share of compute|%|15|30|spot_percentage"},
  };

  private final SampleCompanyProfile p;
  private final SampleDraws draws;
  private final SampleRows rows;

  FinanceGenerator(SampleCompanyProfile profile, long seed, SampleRows rows) {
    this.p = profile;
    this.draws = new SampleDraws(profile, seed, "finance");
    this.rows = rows;
  }

  void generate() {
    accountsAndArr();
    costs();
    monthly();
    okrs();
  }

  /**
   * One account per six users, opened when its first user appears (those of the first users before the
   * history), with a movement drawn every month; the account row shows its ARR at the as-of.
   */
  private void accountsAndArr() {
    int initial = 1 + p.usersAt(p.start) / 6;
    for (int n = 1; ; n++) {
      Instant appears = n <= initial ? p.start : p.whenUsers((n - 1) * 6); // when the account's first user appears
      if (!appears.isBefore(p.end())) {
        break;
      }
      String id = String.format(Locale.ROOT, "acct-%03d", n);
      SampleRandom r = draws.at(appears, id);
      Instant since = n <= initial ? p.start.minus(r.between(30, 700), ChronoUnit.DAYS)
          : appears.plus(r.between(0, 20), ChronoUnit.HOURS);
      BigDecimal arr = money(r.uniform(6_000, 60_000));
      if (since.isAfter(p.start)) {
        rows.add(RecordKind.ARR_MOVEMENTS, new ArrMovement(since, id, "new", arr));
      }
      BigDecimal known = arr;
      boolean churned = false;
      Instant end = p.end();
      for (Instant m = monthAfter(since.isBefore(p.start) ? p.start : since); m.isBefore(end) && !churned; m = monthAfter(m)) {
        Instant t = m.plus(draws.at(m, id).between(0, 27), ChronoUnit.DAYS);
        SampleRandom x = draws.at(t, id);
        int what = x.weighted(80, 12, 5, 1.3);
        if (what == 1) {
          BigDecimal up = money(arr.doubleValue() * x.uniform(0.1, 0.3));
          arr = arr.add(up);
          rows.add(RecordKind.ARR_MOVEMENTS, new ArrMovement(t, id, "expansion", up));
        } else if (what == 2) {
          BigDecimal down = money(arr.doubleValue() * x.uniform(0.05, 0.2));
          arr = arr.subtract(down);
          rows.add(RecordKind.ARR_MOVEMENTS, new ArrMovement(t, id, "contraction", down));
        } else if (what == 3) {
          rows.add(RecordKind.ARR_MOVEMENTS, new ArrMovement(t, id, "churn", arr));
          arr = BigDecimal.ZERO.setScale(2);
          churned = true;
        }
        if (t.isBefore(p.asOf)) {
          known = arr;
        }
      }
      String segment = known.doubleValue() > 40_000 ? "enterprise" : known.doubleValue() > 15_000 ? "mid-market" : "smb";
      rows.add(RecordKind.ACCOUNTS, new Account(id, "Customer " + n, segment, known, since));
    }
  }

  /** A day's cost rows, known once the day has ended. */
  private void costs() {
    Instant spikeDay = p.reference.truncatedTo(ChronoUnit.DAYS).minus(COST_SPIKE_DAYS_BEFORE, ChronoUnit.DAYS);
    for (long d = 0; d <= p.lastDay; d++) {
      Instant day = p.at(d, 0, 0);
      Instant ended = p.at(d + 1, 0, 0);
      SampleRandom r = draws.at("costs", d, ended);
      for (int s = 0; s < COST_SERVICES.size(); s++) {
        String service = COST_SERVICES.get(s);
        double cost = dailyCost(s, day) * r.uniform(0.93, 1.07);
        if (service.equals(COST_SPIKE_SERVICE) && day.equals(spikeDay)) {
          cost *= 4;
        }
        boolean compute = CATEGORY[s].equals("Compute");
        double spot = compute ? 0.05 + 0.08 * p.progress(day) : 0;
        double committed = 0.45 + 0.2 * p.progress(day);
        cost(day, s, cost * committed, "Committed", compute ? "Savings Plan" : "Reservation", 0.68);
        cost(day, s, cost * (1 - committed - spot), "Standard", null, 1.0);
        if (spot > 0) {
          cost(day, s, cost * spot, "Dynamic", null, 0.35);
        }
      }
    }
  }

  private double dailyCost(int service, Instant t) {
    return DAILY_BASE[service] * Math.pow(p.growth(t), 0.85);
  }

  private void cost(Instant day, int s, double effective, String pricing, @Nullable String commitment, double discount) {
    String service = COST_SERVICES.get(s);
    BigDecimal eff = money(effective);
    BigDecimal list = money(effective / discount);
    Instant end = day.plus(1, ChronoUnit.DAYS);
    rows.add(RecordKind.COSTS, new CostRow(day, end, eff, eff, list, service, CATEGORY[s], "AWS",
        "Usage", pricing, commitment, commitment != null ? CostRow.USED : null, Map.of("team", SampleCompanyProfile.TEAM_OF.get(service), "env", "prod")), end);
  }

  private void monthly() {
    for (YearMonth m = YearMonth.from(p.start.atZone(ZoneOffset.UTC)); firstOf(m).isBefore(p.end()); m = m.plusMonths(1)) {
      Instant first = firstOf(m);
      Instant mid = first.plus(14, ChronoUnit.DAYS);
      double expected = 0;
      for (int s = 0; s < COST_SERVICES.size(); s++) {
        expected += dailyCost(s, mid) * m.lengthOfMonth();
      }
      double budget = Math.round(expected * 1.03 / 100) * 100.0;
      rows.metric(MetricNames.MONTHLY_BUDGET, Map.of(), first, budget);
      rows.metric(MetricNames.TARGET_COST_PER_MAU, Map.of(), first, Math.round(budget * 0.95 / p.usersAt(mid)));
      double margin = draws.at(first, "month-" + m).uniform(0.74, 0.79);
      rows.metric(MetricNames.GROSS_MARGIN, Map.of(), first, Math.round(margin * 1000) / 1000.0);
    }
  }

  private void okrs() {
    LocalDate q = p.start.atZone(ZoneOffset.UTC).toLocalDate().with(IsoFields.DAY_OF_QUARTER, 1);
    for (; q.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(p.end()); q = q.plusMonths(3)) {
      String quarter = q.getYear() + "-Q" + q.get(IsoFields.QUARTER_OF_YEAR);
      Instant qStart = q.atStartOfDay().toInstant(ZoneOffset.UTC);
      Instant qEnd = q.plusMonths(3).atStartOfDay().toInstant(ZoneOffset.UTC);
      SampleRandom r = draws.at(qStart, quarter);
      for (int o = 0; o < OKRS.length; o++) {
        for (int k = 1; k < OKRS[o].length; k++) {
          String[] kr = OKRS[o][k].split("\\|", -1);
          String kpi = kr[4].isEmpty() ? null : kr[4];
          double start = Double.parseDouble(kr[2]);
          double target = Double.parseDouble(kr[3]);
          double achievement = r.uniform(0.55, 1.1);
          for (Instant t = qStart.plus(6, ChronoUnit.DAYS); t.isBefore(qEnd); t = t.plus(7, ChronoUnit.DAYS)) {
            double frac = (double) ChronoUnit.HOURS.between(qStart, t) / ChronoUnit.HOURS.between(qStart, qEnd);
            double current = start + (target - start) * achievement * Math.pow(frac, 0.8);
            rows.add(RecordKind.KEY_RESULTS, new KeyResult(quarter, "O" + (o + 1), OKRS[o][0], "O" + (o + 1) + "-KR" + k, kr[0],
                SampleCompanyProfile.PEOPLE.get((o * 3 + k) % SampleCompanyProfile.PEOPLE.size()), start, target,
                Math.round(current * 10) / 10.0, kr[1], t, kpi));
          }
        }
      }
    }
  }

  private static Instant firstOf(YearMonth m) {
    return m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private Instant monthAfter(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
  }
}
