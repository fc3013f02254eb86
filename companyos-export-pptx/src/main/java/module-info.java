/** The "pptx" pack exporter: a PowerPoint deck of a pack, built with Apache POI. */
module io.companyos.export.pptx {
  requires static org.jspecify;
  requires transitive io.companyos.render;
  requires org.apache.poi.ooxml;
  requires java.desktop;

  exports io.companyos.export.pptx;

  provides io.companyos.render.export.PackExporter with io.companyos.export.pptx.PptxExporter;
}
