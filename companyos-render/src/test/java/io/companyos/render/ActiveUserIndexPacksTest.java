package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The leadership packs count the distinct users of their many windows (the health trend's months, the cost-per-MAU
 * chart's 36 windows, the headline's weeks) from one index of the product events of all of them. The numbers must be
 * those of counting each window's own rows: the same packs, byte for byte, as when the index is left unused.
 */
class ActiveUserIndexPacksTest {
  /** Longer than any window a pack counts users over, shorter than the span of the charts' windows together. */
  private static final Duration LONGEST_WINDOW = Duration.ofDays(400);

  /** The sample company; with {@code hideSpans}, a read of product events over a span answers no rows. */
  static final class Sample implements MetricSource {
    final boolean hideSpans;
    final AtomicInteger spanReads = new AtomicInteger();

    Sample(boolean hideSpans) {
      this.hideSpans = hideSpans;
    }

    @Override
    public String id() {
      return SampleCompany.SOURCE.id();
    }

    @Override
    public SourceDescription describe() {
      return SampleCompany.SOURCE.describe();
    }

    @Override
    public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
      Dataset<T> real = SampleCompany.SOURCE.records(kind, window);
      if (kind.equals(RecordKind.PRODUCT_EVENTS) && window.length().compareTo(LONGEST_WINDOW) > 0) {
        spanReads.incrementAndGet();
        if (hideSpans) {
          // An index of no events holds fewer events than any window with rows: each window counts its own rows.
          return Dataset.of(List.of(), real.provenance());
        }
      }
      return real;
    }

    @Override
    public Dataset<Series> instant(String query, Instant at) {
      return SampleCompany.SOURCE.instant(query, at);
    }

    @Override
    public Dataset<Series> range(String query, TimeWindow window, Duration step) {
      return SampleCompany.SOURCE.range(query, window, step);
    }

    @Override
    public Optional<Instant> snapshotAsOf() {
      return SampleCompany.SOURCE.snapshotAsOf();
    }
  }

  private static Map<String, String> render(Sample source) {
    PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of(source));
    PackRenderer renderer = new PackRenderer();
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : List.of("exec-review", "qbr", "board-pack", "quarterly-planning")) {
      PackDocument doc = assembler.assemble(SampleCompany.COMPANY.pack(id).orElseThrow(), SampleCompany.AS_OF,
          SampleCompany.UTC);
      out.put(id + ".md", renderer.render(doc, PackFormat.MD));
      out.put(id + ".json", renderer.render(doc, PackFormat.JSON));
    }
    return out;
  }

  @Test
  void countsFromTheIndexEqualTheWindowsOwnCounts() {
    Sample indexed = new Sample(false);
    Map<String, String> fromIndex = render(indexed);
    Sample direct = new Sample(true);
    Map<String, String> fromRows = render(direct);

    // One span read for all four packs (the index is kept for every pack of the assembler).
    assertThat(indexed.spanReads).hasValue(1);
    assertThat(direct.spanReads).hasValue(1);
    assertThat(fromIndex).isEqualTo(fromRows);
    // The charts the index serves are drawn, with numbers: the cost-per-MAU chart of the exec review has points.
    assertThat(fromIndex.get("exec-review.md")).contains("Cost per MAU").contains("Health score and dimensions");
  }
}
