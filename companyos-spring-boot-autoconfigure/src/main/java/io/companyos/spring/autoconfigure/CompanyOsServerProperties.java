package io.companyos.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code companyos.server.*}: the dashboard server as a web feature of a Spring Boot application (needs the
 * {@code companyos-server} dependency and {@code companyos.server.enabled=true}).
 *
 * @param enabled turns the feature on
 * @param users the users file (user, bcrypt hash, roles)
 * @param demoUsers signs in the demo users of the sample company (never for real data)
 * @param auditDir where {@code dashboard_views.csv} and {@code access.csv} are appended
 * @param cacheTtl how long a built dashboard is reused
 * @param history packs listed by date per dashboard
 * @param population people expected to use the dashboards, for the Dashboard Usage KPI
 * @param publicBadge whether {@code /badge.svg} answers without sign-in
 * @param oidc OIDC sign-in, when {@code issuer} is set
 * @param archiveDir the folder packs were written to, served as written to readers who may see every section
 */
@ConfigurationProperties("companyos.server")
public record CompanyOsServerProperties(
    @DefaultValue("false") boolean enabled,
    @Nullable Path users,
    @DefaultValue("false") boolean demoUsers,
    @Nullable Path auditDir,
    @DefaultValue("1m") Duration cacheTtl,
    @DefaultValue("4") int history,
    @Nullable Integer population,
    @DefaultValue("false") boolean publicBadge,
    @DefaultValue Oidc oidc,
    @Nullable Path archiveDir) {

  /**
   * {@code companyos.server.oidc.*}.
   *
   * @param issuer the identity provider's issuer URL (discovery at {@code issuer/.well-known/openid-configuration})
   * @param clientId the client id registered there
   * @param clientSecret the client secret (give it through the environment, never in a committed file)
   * @param rolesClaim the claim listing the user's groups
   * @param roleMapping a claim value → the company's role ids it grants
   */
  public record Oidc(@Nullable String issuer, @Nullable String clientId, @Nullable String clientSecret,
      @DefaultValue("groups") String rolesClaim, @Nullable Map<String, List<String>> roleMapping) {
    @Override
    public String toString() {
      return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", rolesClaim=" + rolesClaim + "]";
    }
  }
}
