/** Records for the operating rhythm, pack definitions, health checks, RACI, dashboards and the data rows sources return. */
module io.companyos.model {
  requires static transitive org.jspecify;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;
  // Hibernate Validator is an automatic module: it declares no dependencies, so on the module path its own
  // explicit-module dependency (classmate) is resolved only when a named module requires it.
  requires com.fasterxml.classmate;
  requires java.logging;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;

  exports io.companyos.model;
  exports io.companyos.model.data;
  exports io.companyos.model.time;
  exports io.companyos.model.check;
  exports io.companyos.model.rhythm;
  exports io.companyos.model.pack;
  exports io.companyos.model.org;
  exports io.companyos.model.config;
  exports io.companyos.model.source;
  exports io.companyos.model.slo;
  exports io.companyos.model.recommend;

  // Hibernate Validator reads the constraint annotations on record fields reflectively.
  opens io.companyos.model to org.hibernate.validator;
  opens io.companyos.model.check to org.hibernate.validator;
  opens io.companyos.model.rhythm to org.hibernate.validator;
  opens io.companyos.model.pack to org.hibernate.validator;
  opens io.companyos.model.org to org.hibernate.validator;
}
