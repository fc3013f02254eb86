/** Confluence export: a pack as Confluence storage-format XHTML, and a Confluence Cloud REST v2 client that publishes it. */
module io.companyos.export.confluence {
  requires static org.jspecify;
  requires transitive io.companyos.render;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;

  exports io.companyos.export.confluence;

  provides io.companyos.render.export.PackExporter with io.companyos.export.confluence.ConfluenceExporter;
}
