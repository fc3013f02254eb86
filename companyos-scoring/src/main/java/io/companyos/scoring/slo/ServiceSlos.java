package io.companyos.scoring.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One SLO per service from the event counts a metrics source reports for a window: requests and errors summed per
 * service, and the target in force. The occurrences method of the Google SRE workbook (chapter 2): attainment is
 * good events / events over the window, each service held to its own target.
 *
 * <p>Counts arrive as sums of reported counter increments, so they may carry fractions (rate extrapolation); they are
 * rounded to whole events, and errors are capped at the requests they belong to. A service without a target in
 * (0, 1) has no SLO and is left out (its name is in {@link Result#withoutTarget()}); a service with a target but no
 * requests has an SLO without data, which is never reported as met or missed ({@link SloResult}).
 */
public final class ServiceSlos {
  private ServiceSlos() {}

  /**
   * One service's SLO over the window.
   *
   * @param service the service's name
   * @param result its SLO over the window
   */
  public record ServiceSlo(String service, SloResult result) {
    /**
     * The evidence of this SLO, the counts it was computed from.
     *
     * @return "service: N events, M bad, target T%"
     */
    public String evidence() {
      return Slo.evidence(service, result);
    }
  }

  /**
   * The SLOs, sorted by service, and the services that reported requests but have no usable target.
   *
   * @param slos one SLO per service with a target in (0, 1), sorted by service
   * @param withoutTarget the services with requests but no target in (0, 1), sorted
   */
  public record Result(List<ServiceSlo> slos, List<String> withoutTarget) {
    /**
     * Copies both lists, which are unmodifiable afterwards.
     *
     * @param slos one SLO per service with a target
     * @param withoutTarget the services without a usable target
     */
    public Result {
      slos = List.copyOf(slos);
      withoutTarget = List.copyOf(withoutTarget);
    }

    /**
     * The scoring results of {@link #slos()}.
     *
     * @return one result per SLO, in the same order
     */
    public List<SloResult> results() {
      return slos.stream().map(ServiceSlo::result).toList();
    }

    /**
     * The evidence line of every SLO.
     *
     * @return one line per SLO, in the order of {@link #slos()}
     */
    public List<String> evidence() {
      return slos.stream().map(ServiceSlo::evidence).toList();
    }
  }

  /**
   * The SLO of every service that reported requests in the window.
   *
   * @param requests events per service in the window
   * @param errors bad events per service in the window (a service absent here had none)
   * @param targets the target ratio per service in force at the window's end
   * @return the SLOs, sorted by service, and the services left out for want of a target in (0, 1)
   */
  public static Result of(Map<String, Double> requests, Map<String, Double> errors, Map<String, Double> targets) {
    List<ServiceSlo> out = new ArrayList<>();
    List<String> without = new ArrayList<>();
    new TreeMap<>(requests).forEach((service, r) -> {
      Double t = targets.get(service);
      if (t == null || !(t > 0 && t < 1)) {
        without.add(service);
        return;
      }
      long total = Math.max(0, Math.round(r));
      long bad = Math.max(0, Math.min(total, Math.round(errors.getOrDefault(service, 0.0))));
      out.add(new ServiceSlo(service, Slo.ofCounts(t, total, bad)));
    });
    return new Result(out, without);
  }
}
