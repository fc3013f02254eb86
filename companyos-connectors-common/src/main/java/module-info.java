/** What the export connectors share: a located JSON tree and a located problem. */
module io.companyos.connectors.common {
  requires static transitive org.jspecify;
  requires transitive com.fasterxml.jackson.core;
  requires transitive io.companyos.sources;
  exports io.companyos.connectors.common;
}
