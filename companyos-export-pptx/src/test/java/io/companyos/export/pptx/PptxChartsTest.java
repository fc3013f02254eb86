package io.companyos.export.pptx;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.chart.Chart;
import io.companyos.render.chart.ChartPoint;
import io.companyos.render.chart.ChartSeries;
import io.companyos.render.fixtures.ExportSamples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFGraphicFrame;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;

/** The deck's charts are native PowerPoint charts holding the pack's numbers, with alt text, in stable bytes. */
class PptxChartsTest {

  private static byte[] export(PackDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PptxExporter().export(doc, out);
    return out.toByteArray();
  }

  private static List<Chart> charts(PackDocument doc) {
    List<Chart> out = new ArrayList<>();
    for (PackSection s : doc.sections()) {
      out.addAll(s.charts());
    }
    return out;
  }

  @Test
  void everyChartIsANativeChartWhoseSeriesAreThePacksNumbers() throws Exception {
    for (String id : List.of("ops-review", "finops-review", "exec-review")) {
      PackDocument doc = ExportSamples.pack(id);
      List<Chart> expected = charts(doc).stream().filter(Chart::present).toList();
      assertThat(expected).as(id).isNotEmpty();
      try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(export(doc)))) {
        List<XSLFChart> found = show.getCharts();
        assertThat(found).as(id).hasSize(expected.size());
        assertThat(found.stream().map(f -> f.getTitleShape().getText()).toList())
            .containsExactlyInAnyOrderElementsOf(expected.stream().map(Chart::title).toList());
        for (XSLFChart chart : found) {
          Chart c = expected.stream().filter(e -> e.title().equals(chart.getTitleShape().getText())).findFirst().orElseThrow();
          List<XDDFChartData> data = chart.getChartSeries();
          assertThat(data).hasSize(1);
          XDDFChartData d = data.get(0);
          if (c.kind() == io.companyos.render.chart.ChartKind.STACKED_BAR) {
            assertThat(d).isInstanceOf(XDDFBarChartData.class);
            assertThat(((XDDFBarChartData) d).getBarGrouping()).isEqualTo(org.apache.poi.xddf.usermodel.chart.BarGrouping.STACKED);
          }
          assertThat(d.getSeriesCount()).isEqualTo(c.series().size());
          XSSFSheet sheet = chart.getWorkbook().getSheetAt(0);
          for (int i = 0; i < c.series().size(); i++) {
            ChartSeries s = c.series().get(i);
            XDDFChartData.Series ps = d.getSeries(i);
            List<String> categories = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            java.util.Map<Long, Double> cache = cache(chart, i);
            for (int p = 0; p < ps.getCategoryData().getPointCount(); p++) {
              Object at = ps.getCategoryData().getPointAt(p);
              String cat = at == null ? "" : at.toString();
              if (cat.isEmpty()) {
                continue; // the WBR chart's divider between weeks and months
              }
              categories.add(cat);
              values.add(cache.get((long) p)); // an absent point has no cached value: a gap
            }
            assertThat(categories).isEqualTo(c.categories());
            List<Double> want = s.points().stream().map(ChartPoint::value).toList();
            assertThat(values).as(id + " " + c.id() + " " + s.name()).isEqualTo(want);
            // The embedded workbook holds the same numbers, for "Edit Data" in PowerPoint.
            int row = 1;
            for (ChartPoint p : s.points()) {
              if (c.kind() == io.companyos.render.chart.ChartKind.WBR && row == c.weeks() + 1) {
                row++;
              }
              var cell = sheet.getRow(row).getCell(i + 1);
              if (p.present()) {
                assertThat(cell.getNumericCellValue()).isEqualTo(p.value());
              } else {
                assertThat(cell == null || cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK).isTrue();
              }
              row++;
            }
          }
        }
        for (XSLFSlide slide : show.getSlides()) {
          for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof XSLFGraphicFrame f && f.hasChart()) {
              String descr = ((org.openxmlformats.schemas.presentationml.x2006.main.CTGraphicalObjectFrame) f.getXmlObject())
                  .getNvGraphicFramePr().getCNvPr().getDescr();
              assertThat(descr).isIn(expected.stream().map(Chart::altText).toList());
            }
          }
        }
      }
    }
  }

  /** The values a series caches in the chart part, by point index (absent points have none). */
  private static java.util.Map<Long, Double> cache(XSLFChart chart, int series) {
    var area = chart.getCTChart().getPlotArea();
    var val = area.sizeOfBarChartArray() > 0 ? area.getBarChartArray(0).getSerArray(series).getVal()
        : area.getLineChartArray(0).getSerArray(series).getVal();
    java.util.Map<Long, Double> out = new java.util.TreeMap<>();
    for (var pt : val.getNumRef().getNumCache().getPtList()) {
      out.put(pt.getIdx(), Double.parseDouble(pt.getV()));
    }
    return out;
  }

  @Test
  void aDeckWithChartsIsTheSameBytesTwice() throws IOException {
    PackDocument doc = ExportSamples.pack("finops-review");
    byte[] first = export(doc);
    assertThat(export(ExportSamples.assemble("finops-review"))).isEqualTo(first);
  }
}
