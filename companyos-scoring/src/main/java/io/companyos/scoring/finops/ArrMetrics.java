package io.companyos.scoring.finops;

import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.time.TimeWindow;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * ARR and retention over a window, reconstructed from each account's current ARR and its movements:
 * ARR of an account at time t = current ARR − net movements after t (new and expansion add,
 * contraction and churn subtract). For the accounts with ARR > 0 at the window's start:
 * <b>NRR</b> = (start ARR + expansion − contraction − churn) / start ARR × 100,
 * <b>GRR</b> = (start ARR − contraction − churn) / start ARR × 100,
 * <b>logo retention</b> = those accounts still above 0 at the end / those accounts × 100.
 */
public final class ArrMetrics {
  private ArrMetrics() {}

  /**
   * ARR figures of one window; retention is empty when no account had ARR at the start.
   *
   * @param arrStart ARR at the window's start, summed over accounts above 0
   * @param arrEnd ARR at the window's end, summed over accounts above 0
   * @param newArr new ARR in the window
   * @param expansion expansion in the window
   * @param contraction contraction in the window
   * @param churned churned ARR in the window
   * @param netNew {@code newArr + expansion − contraction − churned}
   * @param nrr net revenue retention in percent
   * @param grr gross revenue retention in percent
   * @param logoRetention share of the starting accounts still above 0 at the end, in percent
   */
  public record Result(BigDecimal arrStart, BigDecimal arrEnd, BigDecimal newArr, BigDecimal expansion,
      BigDecimal contraction, BigDecimal churned, BigDecimal netNew, OptionalDouble nrr, OptionalDouble grr,
      OptionalDouble logoRetention) {}

  /**
   * The churn movements among {@code movements}.
   *
   * @param movements the ARR movements
   * @return those of kind {@code churn}, in the order given (one per churned account and date)
   */
  public static List<ArrMovement> churns(List<ArrMovement> movements) {
    return movements.stream().filter(m -> m.kind().equals("churn")).toList();
  }

  /**
   * The ARR figures and retention of a window.
   *
   * @param accounts every account with its ARR as of {@code asOf}
   * @param movements every movement up to {@code asOf}
   * @param window the half-open window {@code [start, end)}; a movement dated at the start counts in it
   * @param asOf the instant the accounts' ARR describes (≥ window end); later movements are ignored
   * @return the window's figures
   * @throws IllegalArgumentException for a movement in the window whose kind is not new, expansion, contraction or
   *     churn
   */
  public static Result compute(List<Account> accounts, List<ArrMovement> movements, TimeWindow window, java.time.Instant asOf) {
    Map<String, BigDecimal> atStart = new HashMap<>();
    Map<String, BigDecimal> atEnd = new HashMap<>();
    for (Account a : accounts) {
      atStart.put(a.accountId(), a.arr());
      atEnd.put(a.accountId(), a.arr());
    }
    BigDecimal newArr = BigDecimal.ZERO;
    BigDecimal exp = BigDecimal.ZERO;
    BigDecimal con = BigDecimal.ZERO;
    BigDecimal churn = BigDecimal.ZERO;
    Map<String, BigDecimal[]> cohort = new HashMap<>(); // per account: expansion, contraction+churn within window
    for (ArrMovement m : movements) {
      if (m.date().isAfter(asOf)) {
        continue;
      }
      BigDecimal signed = m.kind().equals("new") || m.kind().equals("expansion") ? m.amount() : m.amount().negate();
      if (!m.date().isBefore(window.start())) {
        atStart.merge(m.accountId(), signed.negate(), BigDecimal::add);
      }
      if (!m.date().isBefore(window.end())) {
        atEnd.merge(m.accountId(), signed.negate(), BigDecimal::add);
      }
      if (window.contains(m.date())) {
        switch (m.kind()) {
          case "new" -> newArr = newArr.add(m.amount());
          case "expansion" -> exp = exp.add(m.amount());
          case "contraction" -> con = con.add(m.amount());
          case "churn" -> churn = churn.add(m.amount());
          default -> throw new IllegalArgumentException("unknown ARR movement kind '" + m.kind() + "'");
        }
        BigDecimal[] c = cohort.computeIfAbsent(m.accountId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        if (m.kind().equals("expansion")) {
          c[0] = c[0].add(m.amount());
        } else if (!m.kind().equals("new")) {
          c[1] = c[1].add(m.amount());
        }
      }
    }
    BigDecimal cohortExpansion = BigDecimal.ZERO;
    BigDecimal cohortLosses = BigDecimal.ZERO;
    long logos = 0;
    long logosKept = 0;
    for (Map.Entry<String, BigDecimal> e : atStart.entrySet()) {
      if (e.getValue().signum() <= 0) {
        continue;
      }
      BigDecimal[] c = cohort.getOrDefault(e.getKey(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      cohortExpansion = cohortExpansion.add(c[0]);
      cohortLosses = cohortLosses.add(c[1]);
      logos++;
      if (atEnd.getOrDefault(e.getKey(), BigDecimal.ZERO).signum() > 0) {
        logosKept++;
      }
    }
    BigDecimal arrStart = atStart.values().stream().filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal arrEnd = atEnd.values().stream().filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
    return assemble(arrStart, arrEnd, newArr, exp, con, churn, cohortExpansion, cohortLosses, logos, logosKept);
  }

  /**
   * The window's figures from its sums, the step {@link #compute} ends with; another implementation that sums the
   * same records elsewhere (e.g. on Spark) calls it so that net new ARR and the retention rates cannot differ from the
   * reference's. NRR is (start ARR + cohort expansion − cohort losses) / start ARR × 100 and GRR (start ARR − cohort
   * losses) / start ARR × 100, each divided once in {@code double} from exact sums.
   *
   * @param arrStart ARR at the window's start, summed over the accounts above 0 (the cohort)
   * @param arrEnd ARR at the window's end, summed over the accounts above 0
   * @param newArr new ARR in the window
   * @param expansion expansion in the window
   * @param contraction contraction in the window
   * @param churned churned ARR in the window
   * @param cohortExpansion expansion in the window of the cohort's accounts
   * @param cohortLosses contraction and churn in the window of the cohort's accounts
   * @param logos the cohort's accounts
   * @param logosKept the cohort's accounts still above 0 at the window's end
   * @return the window's figures; retention is empty when {@code arrStart} is 0 or no account is in the cohort
   */
  public static Result assemble(BigDecimal arrStart, BigDecimal arrEnd, BigDecimal newArr, BigDecimal expansion,
      BigDecimal contraction, BigDecimal churned, BigDecimal cohortExpansion, BigDecimal cohortLosses, long logos,
      long logosKept) {
    BigDecimal netNew = newArr.add(expansion).subtract(contraction).subtract(churned);
    BigDecimal kept = arrStart.add(cohortExpansion).subtract(cohortLosses);
    BigDecimal grossKept = arrStart.subtract(cohortLosses);
    OptionalDouble nrr = arrStart.signum() == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(kept.doubleValue() / arrStart.doubleValue() * 100);
    OptionalDouble grr = arrStart.signum() == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(grossKept.doubleValue() / arrStart.doubleValue() * 100);
    OptionalDouble logo = logos == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * logosKept / logos);
    return new Result(arrStart, arrEnd, newArr, expansion, contraction, churned, netNew, nrr, grr, logo);
  }
}
