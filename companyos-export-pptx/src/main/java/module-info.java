/** Slide export: a pack as a PowerPoint deck (pptx) written with Apache POI. */
module io.companyos.export.pptx {
  requires static org.jspecify;
  requires transitive io.companyos.render;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml;
  requires java.desktop;

  exports io.companyos.export.pptx;

  provides io.companyos.render.export.PackExporter with io.companyos.export.pptx.PptxExporter;
}
