/** Notion export: a pack as Notion API blocks, and a client that publishes it as a Notion page. */
module io.companyos.export.notion {
  requires static org.jspecify;
  requires transitive io.companyos.render;
  requires transitive com.fasterxml.jackson.databind;
  requires java.net.http;

  exports io.companyos.export.notion;

  provides io.companyos.render.export.PackExporter with io.companyos.export.notion.NotionExporter;
}
