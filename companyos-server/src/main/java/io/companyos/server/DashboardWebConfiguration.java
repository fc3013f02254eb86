package io.companyos.server;

import io.companyos.model.org.Roles;
import io.companyos.site.SitePages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The dashboard server inside a Spring application: needs a {@link ServedCompany} and {@link ServerSettings} bean,
 * and adds the pages ({@link DashboardController}) and their security ({@link DashboardSecurity}). The standalone
 * server ({@link DashboardServer}) and the Spring Boot starter's web feature ({@code companyos.server.enabled=true})
 * both import it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class DashboardWebConfiguration {

  @Bean
  SitePages companyOsSitePages(ServedCompany served) {
    return new SitePages(served.company(), served.sources());
  }

  @Bean
  DashboardAccess companyOsDashboardAccess(SitePages companyOsSitePages) {
    return new DashboardAccess(companyOsSitePages);
  }

  @Bean
  DashboardContent companyOsDashboardContent(SitePages companyOsSitePages, ServedCompany served, ServerSettings settings) {
    return new DashboardContent(companyOsSitePages, served.sources(), settings, served.asOf(), Clock.systemUTC());
  }

  @Bean
  AuditLog companyOsAuditLog(ServerSettings settings) {
    return new AuditLog(settings.auditDir());
  }

  @Bean
  DashboardController companyOsDashboardController(DashboardContent content, DashboardAccess access, AuditLog audit) {
    return new DashboardController(content, access, audit);
  }

  /** The users file as Spring Security's user store: bcrypt hashes, roles as {@code ROLE_<id>} authorities. */
  @Bean
  AuthenticationProvider companyOsUsersFileAuthentication(ServedCompany served, ServerSettings settings) {
    Path file = settings.users();
    UsersFile users = file != null ? UsersFile.read(file, served.company().roles())
        : settings.demoUsers() ? UsersFile.demo(served.company().roles()) : null;
    UserDetailsService store = name -> {
      UsersFile.User u = users == null ? null : users.find(name).orElse(null);
      if (u == null) {
        throw new UsernameNotFoundException("no such user");
      }
      return User.withUsername(u.name()).password(u.passwordHash())
          .authorities(u.roles().stream().map(r -> DashboardAccess.ROLE_PREFIX + r).toArray(String[]::new)).build();
    };
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(store);
    provider.setPasswordEncoder(new BCryptPasswordEncoder());
    return provider;
  }

  @Bean
  @Order(10)
  SecurityFilterChain companyOsDashboardSecurity(HttpSecurity http, ServerSettings settings, DashboardAccess access,
      AuditLog audit, ServedCompany served, AuthenticationProvider companyOsUsersFileAuthentication) throws Exception {
    http.authenticationProvider(companyOsUsersFileAuthentication);
    Roles roles = served.company().roles();
    return DashboardSecurity.chain(http, settings, access, audit, roles);
  }

  static List<String> paths() {
    return List.of(DashboardSecurity.PATHS);
  }
}
