/** Delivery of finished packs to Slack, e-mail and the dashboard site. */
module io.companyos.delivery {
  requires static org.jspecify;
  requires transitive io.companyos.render;
  requires io.companyos.site;
  requires transitive jakarta.mail;
  requires java.net.http;
  requires com.fasterxml.jackson.databind;

  exports io.companyos.delivery;
}
