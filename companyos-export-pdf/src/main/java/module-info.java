/** PDF export: a pack as a printable PDF (A4, embedded fonts, tagged), laid out with openhtmltopdf. */
module io.companyos.export.pdf {
  requires static org.jspecify;
  requires transitive io.companyos.render;
  requires openhtmltopdf.core;
  requires openhtmltopdf.pdfbox;
  requires org.apache.pdfbox;
  requires java.logging;
  requires java.desktop;
  // PDFBox is an automatic module: it declares no dependencies, so on the module path its explicit-module
  // dependency (Commons Logging) is resolved only when a named module requires it.
  requires org.apache.commons.logging;

  exports io.companyos.export.pdf;

  provides io.companyos.render.export.PackExporter with io.companyos.export.pdf.PdfExporter;
}
