package io.companyos.spring.autoconfigure;

import io.companyos.model.CompanyDefinition;
import io.companyos.server.DashboardWebConfiguration;
import io.companyos.server.ServedCompany;
import io.companyos.server.ServerSettings;
import io.companyos.sources.Sources;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The web feature: with {@code companyos-server} on the class path and {@code companyos.server.enabled=true}, the
 * application serves the dashboards, the pack archive and the health badge at the server's paths, signed in and with
 * the access levels enforced by Spring Security ({@link DashboardWebConfiguration}). The data is the engine's own:
 * the {@link CompanyDefinition} and {@link Sources} beans, at the engine's clock.
 */
@AutoConfiguration(after = CompanyOsAutoConfiguration.class, afterName = {
    "org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration"})
@ConditionalOnClass(name = "io.companyos.server.DashboardWebConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "companyos.server", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(CompanyOsServerProperties.class)
public class CompanyOsServerAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public ServedCompany companyOsServedCompany(CompanyDefinition company, Sources sources,
      @CompanyOsClock ObjectProvider<Clock> clockBean) {
    Clock clock = CompanyOsAutoConfiguration.clock(clockBean);
    return new ServedCompany(company, sources.all(), clock::instant);
  }

  @Bean
  @ConditionalOnMissingBean
  public ServerSettings companyOsServerSettings(CompanyOsServerProperties p) {
    CompanyOsServerProperties.Oidc o = p.oidc();
    ServerSettings.Oidc oidc = o == null || o.issuer() == null ? null
        : new ServerSettings.Oidc(o.issuer(), require(o.clientId(), "client-id"), require(o.clientSecret(), "client-secret"),
            o.rolesClaim(), o.roleMapping() == null ? Map.of() : o.roleMapping());
    if (p.users() == null && !p.demoUsers() && oidc == null) {
      throw new IllegalStateException("companyos.server.enabled=true needs companyos.server.users (a users file), "
          + "companyos.server.oidc.issuer or companyos.server.demo-users=true");
    }
    // The session cookie's flags are the application's (server.servlet.session.cookie.*), so secureCookie is unused.
    return new ServerSettings(p.users(), p.demoUsers(), oidc, p.auditDir(), p.cacheTtl(), p.history(), null,
        p.publicBadge(), true, p.population(), p.archiveDir());
  }

  private static String require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("companyos.server.oidc.issuer needs companyos.server.oidc." + key);
    }
    return value;
  }

  /** The server's pages and security, imported only when the class is there. */
  @Configuration(proxyBeanMethods = false)
  @Import(DashboardWebConfiguration.class)
  static class Web {}
}
