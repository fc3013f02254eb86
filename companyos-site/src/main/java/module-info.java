/** The static dashboard site, the RACI page and the rhythm-effectiveness KPI page. */
module io.companyos.site {
  requires static org.jspecify;
  requires transitive io.companyos.render;
  requires freemarker;

  exports io.companyos.site;

  // FreeMarker loads the site's templates through Class.getResource, which needs the package opened to it.
  opens io.companyos.site.templates to freemarker;
}
