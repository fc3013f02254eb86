/** The companyos command-line tool. */
module io.companyos.cli {
  requires io.companyos.model;
  requires io.companyos.sources;
  requires io.companyos.sources.builtin;
  requires io.companyos.schedule;
  requires io.companyos.scoring;
  requires io.companyos.render;
  requires io.companyos.site;
  requires io.companyos.delivery;
  // The dashboard server (an automatic module: Spring configures it by reflection over the class path) is needed
  // only when 'serve' runs; the rest of the CLI resolves on the module path without it and Spring.
  requires static io.companyos.server;
  requires info.picocli;
  requires java.net.http;
  requires java.logging;
  requires com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;
  opens io.companyos.cli to info.picocli;
  uses io.companyos.sources.MetricSourceProvider;
  uses io.companyos.render.export.PackExporter;
}
