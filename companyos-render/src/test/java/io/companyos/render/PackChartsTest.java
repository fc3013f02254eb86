package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.render.chart.Chart;
import io.companyos.render.chart.ChartPoint;
import io.companyos.render.chart.ChartSeries;
import io.companyos.render.chart.SvgChart;
import io.companyos.render.chart.SvgRead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charts the sample packs carry: where they are, and that their SVG plots the pack's own numbers. */
class PackChartsTest {

  private static List<Chart> charts(PackDocument doc) {
    List<Chart> out = new ArrayList<>();
    doc.sections().forEach(s -> out.addAll(s.charts()));
    return out;
  }

  @Test
  void dump() throws Exception {
    Path dir = Path.of("target/charts");
    Files.createDirectories(dir);
    for (String id : List.of("exec-review", "ops-review", "finops-review", "board-pack", "qbr")) {
      long t0 = System.nanoTime();
      PackDocument doc = SampleCompany.assemble(id);
      System.out.println(id + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      for (Chart c : charts(doc)) {
        Files.writeString(dir.resolve(id + "-" + c.id() + ".svg"), SvgChart.of(c));
        System.out.println("  " + c.id() + " " + c.altText());
      }
    }
  }
}
