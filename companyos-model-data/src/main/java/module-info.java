/**
 * The data records of CompanyOS: rows sources return and scoring reads, time windows and periods, source and SLO
 * specifications, the health score's weights, the base exception, the redaction rule, the retry
 * policy and the one HTTP sender. Plain Java with no
 * dependency beyond the JDK (and JSpecify's annotations), so a scoring or plugin user pulls no YAML or validation
 * library.
 */
module io.companyos.model.data {
  requires static transitive org.jspecify;
  requires transitive java.net.http;

  exports io.companyos.model.base;
  exports io.companyos.model.data;
  exports io.companyos.model.health;
  exports io.companyos.model.recommend;
  exports io.companyos.model.slo;
  exports io.companyos.model.source;
  exports io.companyos.model.time;
}
