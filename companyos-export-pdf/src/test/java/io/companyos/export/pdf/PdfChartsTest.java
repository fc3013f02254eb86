package io.companyos.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.render.PackDocument;
import io.companyos.render.chart.Chart;
import io.companyos.render.chart.ChartPoint;
import io.companyos.render.fixtures.ExportSamples;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF draws each chart (a vector drawing on the page), prints its alt text and the data table behind it. */
class PdfChartsTest {

  private static Chart costChart(PackDocument doc) {
    return doc.section("cost_drivers").orElseThrow().charts().get(0);
  }

  @Test
  void theCostChartIsDrawnWithItsAxisAltTextAndDataTable() throws IOException {
    PackDocument doc = ExportSamples.pack("finops-review");
    Chart cost = costChart(doc);
    byte[] pdf = new PdfExporter().exportToBytes(doc);
    try (PDDocument d = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
      assertThat(text).contains(cost.title()).contains("Stacked bar chart of Cost by driver per month");
      // The drawing's own text: the value axis and the months. The highest stack is Oct 26 (40,145 + 31,097 + 26,133
      // + 23,706 + 18,735 + 39,413 = $179,229 in the data table); a quarter of it rounds up to the nice step $50,000,
      // so the axis runs $0 to $200,000.
      assertThat(text).contains("$0 $50,000 $100,000 $150,000 $200,000 Jun 26 Jul 26 Aug 26 Sep 26 Oct 26 Nov 26");
      assertThat(text).contains("Oct 26 $40,145 $31,097 $26,133 $23,706 $18,735 $39,413");
      // Data table: a row per month, the driver columns in legend order.
      List<String> nov = cost.table().get(5);
      assertThat(text).contains(String.join(" ", nov));
      int fills = 0;
      for (PDPage page : d.getPages()) {
        fills += fills(page.getResources());
      }
      long bars = cost.series().stream().flatMap(s -> s.points().stream()).filter(ChartPoint::present).count();
      assertThat(bars).isEqualTo(36);
      // Every bar is a filled shape of the drawing (the legend's squares add one per driver).
      assertThat(fills).isGreaterThanOrEqualTo((int) bars + cost.series().size());
    }
  }

  /** Fill operators inside the form XObjects of {@code res} (the chart drawings), recursively. */
  private static int fills(PDResources res) throws IOException {
    int n = 0;
    if (res == null) {
      return 0;
    }
    for (COSName name : res.getXObjectNames()) {
      PDXObject x = res.getXObject(name);
      if (x instanceof PDFormXObject form) {
        PDFStreamParser parser = new PDFStreamParser(form);
        List<Object> tokens = new ArrayList<>(parser.parse());
        for (Object t : tokens) {
          if (t instanceof Operator op && (op.getName().equals("f") || op.getName().equals("f*"))) {
            n++;
          }
        }
        n += fills(form.getResources());
      }
    }
    return n;
  }
}
