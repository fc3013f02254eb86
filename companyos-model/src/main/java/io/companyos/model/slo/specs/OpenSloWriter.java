package io.companyos.model.slo.specs;

import io.companyos.model.slo.SloIndicator;
import io.companyos.model.slo.SloSpec;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Duration;

/**
 * Writes SLOs as OpenSLO v1 documents: per SLO an {@code SLI} and an {@code SLO} that refers to it, separated by
 * {@code ---}. {@link SloSpecs#parse} reads the text back to the same SLOs (names, services, descriptions, targets,
 * windows, budgeting methods and indicators). What OpenSLO cannot say itself — a Sloth rate template with
 * {@code {{.window}}}, a Pyrra bool gauge — is kept in the SLI's annotation {@code companyos.io/query-form}; an
 * indicator CompanyOS does not compute is written as a comment only. Output is deterministic: same SLOs, same bytes.
 */
public final class OpenSloWriter {
  /** The annotation that keeps a query form OpenSLO has no field for. */
  public static final String QUERY_FORM = "companyos.io/query-form";

  private OpenSloWriter() {}

  /** The OpenSLO v1 text of {@code slos}. */
  public static String write(SloSpecs slos) {
    StringBuilder b = new StringBuilder();
    b.append("# OpenSLO v1, written by companyos slos export\n");
    for (SloSpec s : slos.slos()) {
      if (s.indicator() instanceof SloIndicator.Unsupported u) {
        b.append("# ").append(s.name()).append(": not written (").append(u.reason()).append(")\n");
        continue;
      }
      String sli = s.name() + "-sli";
      b.append("---\napiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: ").append(q(sli)).append('\n');
      if (s.indicator() instanceof SloIndicator.Ratio r && r.form() != SloIndicator.QueryForm.COUNTER
          && r.form() != SloIndicator.QueryForm.SAMPLES) {
        b.append("  annotations:\n    ").append(QUERY_FORM).append(": ").append(q(r.form().label())).append('\n');
      }
      b.append("spec:\n");
      if (s.indicator() instanceof SloIndicator.Ratio r) {
        b.append("  ratioMetric:\n    counter: ").append(r.form() != SloIndicator.QueryForm.SAMPLES).append('\n');
        if (r.good() != null) {
          metric(b, "good", r.sourceType(), r.good());
        }
        if (r.bad() != null) {
          metric(b, "bad", r.sourceType(), r.bad());
        }
        metric(b, "total", r.sourceType(), r.total());
      } else if (s.indicator() instanceof SloIndicator.RawRatio raw) {
        b.append("  ratioMetric:\n    counter: false\n    rawType: ").append(raw.failure() ? "failure" : "success").append('\n');
        metric(b, "raw", raw.sourceType(), raw.query());
      } else if (s.indicator() instanceof SloIndicator.Threshold t) {
        b.append("  thresholdMetric:\n    metricSource:\n      type: ").append(q(type(t.sourceType()))).append("\n      spec:\n        query: ")
            .append(q(t.query())).append('\n');
      }
      b.append("---\napiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: ").append(q(s.name())).append("\nspec:\n");
      if (!s.description().isEmpty()) {
        b.append("  description: ").append(q(s.description())).append('\n');
      }
      b.append("  service: ").append(q(s.service())).append('\n');
      b.append("  indicatorRef: ").append(q(sli)).append('\n');
      b.append("  timeWindow:\n    - duration: ").append(duration(s.window())).append("\n      isRolling: ").append(!s.calendarAligned())
          .append('\n');
      b.append("  budgetingMethod: ").append(s.budgeting().openSlo()).append('\n');
      b.append("  objectives:\n    - target: ").append(SloSpec.plain(s.objective())).append('\n');
      if (s.indicator() instanceof SloIndicator.Threshold t) {
        b.append("      op: ").append(t.op()).append("\n      value: ").append(SloSpec.plain(t.value())).append('\n');
      }
    }
    return b.toString();
  }

  private static void metric(StringBuilder b, String key, String type, String query) {
    b.append("    ").append(key).append(":\n      metricSource:\n        type: ").append(q(type(type))).append("\n        spec:\n          query: ")
        .append(q(query)).append('\n');
  }

  private static String type(String sourceType) {
    return sourceType.equals("prometheus") ? "Prometheus" : sourceType;
  }

  /** Whole days as {@code 28d}, else hours, minutes or seconds. */
  public static String duration(Duration d) {
    long s = d.getSeconds();
    if (s % 86400 == 0) {
      return s / 86400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }

  /** A double-quoted YAML scalar (JSON string escaping is valid YAML). */
  private static String q(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
