/**
 * What the export connectors share: a located JSON tree, a located problem, reading exports once in strict or lenient
 * mode, and live pulls into a cache folder.
 */
module io.companyos.connectors.common {
  requires static transitive org.jspecify;
  requires transitive com.fasterxml.jackson.core;
  requires transitive io.companyos.sources;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.net.http;
  requires transitive org.slf4j;
  exports io.companyos.connectors.common;
}
