package io.companyos.model.slo.specs;

import io.companyos.model.slo.SloIndicator;
import io.companyos.model.slo.SloSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.config.ConfigException;
import io.companyos.model.config.ConfigProblem;
import io.companyos.model.slo.SloIndicator.QueryForm;
import io.companyos.model.slo.SloSpec.BudgetingMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three specs read into one model, field by field, from fixtures written after each spec's documentation. */
class SloSpecsTest {
  static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(SloSpecsTest.class.getResource("/slos/" + name)).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static SloSpecs read(String name) {
    return SloSpecs.read(List.of(fixture(name)));
  }

  @Test
  void openSloRatioByReferenceInlineAndThreshold() {
    SloSpecs s = read("openslo.yaml");
    assertThat(s.slos()).extracting(SloSpec::name).containsExactly("checkout-availability", "search-errors", "search-latency");

    SloSpec checkout = s.find("checkout-availability").orElseThrow();
    assertThat(checkout.service()).isEqualTo("checkout");
    assertThat(checkout.description()).isEqualTo("Requests that do not fail");
    assertThat(checkout.objective()).isEqualTo(0.999);
    assertThat(checkout.window()).isEqualTo(Duration.ofDays(28));
    assertThat(checkout.calendarAligned()).isFalse();
    assertThat(checkout.budgeting()).isEqualTo(BudgetingMethod.OCCURRENCES);
    assertThat(checkout.indicator()).isEqualTo(new SloIndicator.Ratio("prometheus", QueryForm.COUNTER,
        "http_requests_total{service=\"checkout\",code!~\"5..\"}", null, "http_requests_total{service=\"checkout\"}"));
    assertThat(checkout.origin()).endsWith("openslo.yaml:27:1 (OpenSLO v1)"); // the document's first line

    SloSpec search = s.find("search-errors").orElseThrow();
    assertThat(search.objective()).isEqualTo(0.995); // targetPercent 99.5
    assertThat(search.window()).isEqualTo(Duration.ofDays(30)); // 1M, calendar-aligned
    assertThat(search.calendarAligned()).isTrue();
    assertThat(search.budgeting()).isEqualTo(BudgetingMethod.RATIO_TIMESLICES);
    assertThat(((SloIndicator.Ratio) search.indicator()).bad()).isEqualTo("http_requests_total{service=\"search\",code=~\"5..\"}");

    // The thresholdMetric SLI with the objective's op and value: p95 latency at most 0.3 s, sampled once a minute.
    SloSpec latency = s.find("search-latency").orElseThrow();
    assertThat(latency.indicator()).isEqualTo(new SloIndicator.Threshold("prometheus",
        "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service=\"search\"}[5m])))", "lte", 0.3));
    assertThat(((SloIndicator.Threshold) latency.indicator()).comparison()).isEqualTo("<=");
    assertThat(latency.objective()).isEqualTo(0.99);
    assertThat(latency.budgeting()).isEqualTo(BudgetingMethod.TIMESLICES);

    // Said, not guessed: the calendar window, RatioTimeslices computed as occurrences (Timeslices of a threshold SLI are
    // its one-minute samples, so no warning for it).
    assertThat(s.warnings()).hasSize(2).allMatch(w -> w.matches(".*openslo\\.yaml:\\d+:\\d+: COS-SLO-004 .*"));
    assertThat(s.warnings()).anyMatch(w -> w.contains("budgetingMethod RatioTimeslices is computed as Occurrences"))
        .anyMatch(w -> w.contains("calendar-aligned window (1M)"));
  }

  @Test
  void slothEventsAndRawErrorRatiosTakeTheWindowPlaceholder() {
    SloSpecs s = read("sloth.yaml");
    assertThat(s.slos()).extracting(SloSpec::name).containsExactly("payments-requests-availability", "payments-ratio");
    SloSpec a = s.slos().get(0);
    assertThat(a.service()).isEqualTo("payments");
    assertThat(a.objective()).isCloseTo(0.999, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(a.window()).isEqualTo(Duration.ofDays(30));
    assertThat(a.indicator()).isEqualTo(new SloIndicator.Ratio("prometheus", QueryForm.RATE_TEMPLATE, null,
        "sum(rate(payment_requests_total{code=~\"5..\"}[{{.window}}]))", "sum(rate(payment_requests_total[{{.window}}]))"));
    assertThat(s.slos().get(1).objective()).isEqualTo(0.99);
    assertThat(s.slos().get(1).indicator()).isEqualTo(new SloIndicator.RawRatio("prometheus",
        "sum(rate(payment_failed[{{.window}}])) / sum(rate(payment_total[{{.window}}]))", true));
    assertThat(((SloIndicator.RawRatio) s.slos().get(1).indicator()).windowTemplate()).isTrue();
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void openSloRawRatiosKeepTheirTypeAndARawRatioWithoutRawTypeIsLocated() {
    String doc = """
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: login-success
        spec:
          service: login
          indicator:
            metadata:
              name: login-success-ratio
            spec:
              ratioMetric:
                counter: false
                rawType: success
                raw:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: slo:login_success:ratio_rate5m
          timeWindow:
            - duration: 7d
              isRolling: true
          budgetingMethod: Occurrences
          objectives:
            - target: 0.99
        """;
    SloSpecs s = SloSpecs.parse("raw.yaml", doc);
    assertThat(s.slos()).singleElement().satisfies(slo -> {
      assertThat(slo.indicator()).isEqualTo(new SloIndicator.RawRatio("prometheus", "slo:login_success:ratio_rate5m", false));
      assertThat(slo.window()).isEqualTo(Duration.ofDays(7));
    });
    assertThat(s.warnings()).isEmpty();
    assertThat(problems(doc.replace("        rawType: success\n", ""))).singleElement().asString()
        .contains("bad.yaml:12:").contains("rawType");
    // Written back as OpenSLO and read again: the same SLO.
    SloSpecs back = SloSpecs.parse("export.yaml", OpenSloWriter.write(s));
    assertThat(back.slos().get(0)).usingRecursiveComparison().ignoringFields("origin").isEqualTo(s.slos().get(0));
  }

  @Test
  void pyrraIndicatorsOfEveryKind() {
    SloSpecs s = read("pyrra.yaml");
    assertThat(s.slos()).extracting(SloSpec::name).containsExactly("notifications-errors", "api-latency", "probe-up", "api-latency-native");
    SloSpec n = s.slos().get(0);
    assertThat(n.service()).isEqualTo("notifications"); // from the 'service' label
    assertThat(n.objective()).isEqualTo(0.99);
    assertThat(n.window()).isEqualTo(Duration.ofDays(28)); // 4w
    assertThat(n.indicator()).isEqualTo(new SloIndicator.Ratio("prometheus", QueryForm.COUNTER, null,
        "notifications_sent_total{status=\"error\"}", "notifications_sent_total"));
    SloSpec latency = s.slos().get(1);
    assertThat(latency.service()).isEqualTo("api-latency"); // no label: the name
    assertThat(latency.window()).isEqualTo(Duration.ofDays(14));
    assertThat(((SloIndicator.Ratio) latency.indicator()).good()).isEqualTo("http_request_duration_seconds_bucket{job=\"api\",le=\"0.5\"}");
    assertThat(((SloIndicator.Ratio) s.slos().get(2).indicator()).form()).isEqualTo(QueryForm.BOOL_GAUGE);
    assertThat(s.slos().get(2).objective()).isEqualTo(0.995);
    assertThat(s.slos().get(3).indicator()).isInstanceOf(SloIndicator.Unsupported.class);
  }

  static List<String> problems(String text) {
    try {
      SloSpecs.parse("bad.yaml", text);
    } catch (ConfigException e) {
      return e.problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + ": " + p.code().code() + " " + p.message()).toList();
    }
    throw new AssertionError("no problem reported");
  }

  @Test
  void badSpecsGetLocatedErrors() {
    assertThat(problems("apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\nspec:\n  service: s\n  indicatorRef: nope\n"
        + "  objectives: [{target: 0.9}]\n"))
        .singleElement().asString().startsWith("bad.yaml:6:17: COS-SLO-003 indicatorRef 'nope' names no SLI");
    assertThat(problems("version: prometheus/v1\nservice: p\nslos:\n  - name: x\n    objective: 100\n    sli: {events: {errorQuery: a, totalQuery: b}}\n"))
        .singleElement().asString().isEqualTo("bad.yaml:5:16: COS-SLO-001 target 100% is outside (0, 1)");
    assertThat(problems("apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: {name: x}\nspec:\n  window: 4w\n"
        + "  indicator: {ratio: {errors: {metric: e}, total: {metric: t}}}\n"))
        .singleElement().asString().startsWith("bad.yaml:5:3: COS-SLO-001 the SLO has no target"); // the spec mapping
    assertThat(problems("apiVersion: openslo/v1\nkind: Objective\nmetadata: {name: x}\n"))
        .singleElement().asString().startsWith("bad.yaml:2:7: COS-SLO-002 unknown kind 'Objective'");
    assertThat(problems("apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\nspec:\n  service: s\n"
        + "  indicator: {metadata: {name: i}, spec: {ratioMetric: {good: {metricSource: {type: Prometheus, spec: {query: g}}}, "
        + "total: {metricSource: {type: Prometheus, spec: {query: t}}}}}}\n  objectives: [{target: 1.5}]\n"))
        .singleElement().asString().contains("COS-SLO-001 target 1.5 is outside (0, 1)");
  }

  /** A window longer than a long holds (found by fuzzing), or than a duration holds, is a located error, not a crash. */
  @Test
  void aWindowTooLongForADurationIsALocatedError() {
    for (String window : List.of("99999999999999999999999d", "9000000000000000000w", "9223372036854775807d1d")) {
      assertThat(problems("apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: {name: x}\nspec:\n  window: "
          + window + "\n  target: '99'\n  indicator: {ratio: {errors: {metric: e}, total: {metric: t}}}\n"))
          .as(window).singleElement().asString()
          .isEqualTo("bad.yaml:5:11: COS-YAML-007 '" + window + "' is not a duration such as 28d, 4w or 1M");
    }
  }

  static final String SAMPLES = """
      apiVersion: openslo/v1
      kind: SLO
      metadata: {name: search}
      spec:
        service: search
        indicator:
          metadata: {name: search-requests}
          spec:
            ratioMetric:
              counter: false
              bad: {metricSource: {type: Prometheus, spec: {query: 'companyos:slo:errors:count{service="search"}'}}}
              total: {metricSource: {type: Prometheus, spec: {query: 'companyos:slo:requests:count{service="search"}'}}}
        timeWindow: [{duration: 7d, isRolling: true}]
        objectives: [{target: 0.995}]
      """;

  @Test
  void counterFalseIsAGaugeOfPerIntervalCountsAndReadsBack() {
    SloSpecs s = SloSpecs.parse("samples.yaml", SAMPLES);
    assertThat(s.slos().get(0).indicator()).isEqualTo(new SloIndicator.Ratio("prometheus", QueryForm.SAMPLES, null,
        "companyos:slo:errors:count{service=\"search\"}", "companyos:slo:requests:count{service=\"search\"}"));
    assertThat(s.warnings()).isEmpty();
    String text = OpenSloWriter.write(s);
    assertThat(text).contains("counter: false").doesNotContain(OpenSloWriter.QUERY_FORM);
    assertThat(SloSpecs.parse("back.yaml", text).slos().get(0)).usingRecursiveComparison().ignoringFields("origin").isEqualTo(s.slos().get(0));
  }

  @Test
  void aThresholdMetricNeedsItsOpAndValue() {
    String sli = "apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\nspec:\n  service: s\n"
        + "  indicator: {metadata: {name: i}, spec: {thresholdMetric: {metricSource: {type: Prometheus, spec: {query: q}}}}}\n";
    assertThat(problems(sli + "  objectives: [{target: 0.9, value: 1}]\n"))
        .singleElement().asString().startsWith("bad.yaml:7:16: COS-YAML-003 missing 'op'");
    assertThat(problems(sli + "  objectives: [{target: 0.9, op: le, value: 1}]\n"))
        .singleElement().asString().startsWith("bad.yaml:7:34: COS-YAML-006 SLO 'a': op 'le' is none of lt, lte, gt, gte");
    assertThat(problems(sli + "  objectives: [{target: 0.9, op: gt, value: fast}]\n"))
        .singleElement().asString().startsWith("bad.yaml:7:45: COS-YAML-004 SLO 'a': value 'fast' is not a number");
    SloSpec ok = SloSpecs.parse("ok.yaml", sli + "  objectives: [{target: 0.9, op: gte, value: 0.75}]\n").slos().get(0);
    assertThat(ok.indicator()).isEqualTo(new SloIndicator.Threshold("prometheus", "q", "gte", 0.75));
    String text = OpenSloWriter.write(new SloSpecs(List.of(ok), List.of()));
    assertThat(text).contains("thresholdMetric:").contains("      op: gte\n      value: 0.75\n");
  }

  @Test
  void twoFilesNamingOneSloIsADuplicate(@TempDir Path dir) throws IOException {
    Files.copy(fixture("pyrra.yaml"), dir.resolve("a.yaml"));
    Files.copy(fixture("pyrra.yaml"), dir.resolve("b.yml"));
    assertThatThrownBy(() -> SloSpecs.read(List.of(dir))).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4)
            .allMatch(p -> p.code().code().equals("COS-YAML-016") && p.file().endsWith("b.yml")));
  }

  @Test
  void openSloExportReadsBackToTheSameSlos() {
    for (String f : List.of("openslo.yaml", "sloth.yaml", "pyrra.yaml")) {
      SloSpecs in = read(f);
      String text = OpenSloWriter.write(in);
      SloSpecs back = SloSpecs.parse("export.yaml", text);
      List<SloSpec> expected = in.slos().stream().filter(s -> !(s.indicator() instanceof SloIndicator.Unsupported)).toList();
      assertThat(back.slos()).as(f).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        SloSpec a = expected.get(i);
        SloSpec b = back.slos().get(i);
        assertThat(b).as(f + " " + a.name()).usingRecursiveComparison().ignoringFields("origin").isEqualTo(a);
      }
      assertThat(OpenSloWriter.write(read(f))).as("deterministic").isEqualTo(text);
    }
  }
}
