/** What the export connectors share: a located JSON tree, a located problem, and live pulls into a cache folder. */
module io.companyos.connectors.common {
  requires static transitive org.jspecify;
  requires transitive com.fasterxml.jackson.core;
  requires transitive io.companyos.sources;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.net.http;
  exports io.companyos.connectors.common;
}
