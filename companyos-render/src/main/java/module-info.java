/** Pack assembly and rendering: sections filled from sources, then Markdown, HTML and JSON; the artifact store. */
module io.companyos.render {
  requires static org.jspecify;
  requires transitive io.companyos.model;
  requires transitive io.companyos.sources;
  requires transitive io.companyos.scoring;
  requires freemarker;
  requires java.management;
  requires jdk.management;
  requires transitive java.net.http;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports io.companyos.render;
  exports io.companyos.render.export;
  exports io.companyos.render.chart;

  // FreeMarker loads the built-in templates through Class.getResource, which needs their packages opened to it.
  opens io.companyos.render.templates.markdown to freemarker;
  opens io.companyos.render.templates.html to freemarker;

  uses io.companyos.render.export.PackExporter;
}
