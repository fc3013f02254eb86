package io.companyos.schedule.check;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A test source "scripted" that answers any instant query with the series {@code answer} gives for the query
 * and instant (which may throw a source failure), over the five minutes before the instant.
 */
final class ScriptedGauge {
  private ScriptedGauge() {}

  static MetricSource of(BiFunction<String, Instant, List<Series>> answer) {
    return new MetricSource() {
      @Override
      public String id() {
        return "scripted";
      }

      @Override
      public SourceDescription describe() {
        return new SourceDescription("scripted", Set.of(), List.of("*"));
      }

      @Override
      public Dataset<Series> instant(String query, Instant at) {
        List<Series> rows = answer.apply(query, at);
        return new Dataset<>(rows, new Provenance("scripted", query, TimeWindow.ending(at, Duration.ofMinutes(5)), at, rows.size()));
      }
    };
  }

  /** One series of {@code query} with {@code labels} and a single point {@code value} at the query instant. */
  static List<Series> point(String query, Map<String, String> labels, Instant at, double value) {
    return List.of(new Series(query, labels, List.of(new Series.Point(at, value))));
  }
}
