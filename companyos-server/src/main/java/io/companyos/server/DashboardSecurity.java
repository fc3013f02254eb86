package io.companyos.server;

import io.companyos.model.org.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The server's Spring Security rules, one {@link SecurityFilterChain} over the server's paths:
 *
 * <ul>
 *   <li>{@code /dashboards/<id>/**} opens for the roles of the dashboard's access level, {@code /packs/<id>/**} for
 *       the readers of the pack ({@link DashboardAccess}); every other page of the server for any signed-in user;</li>
 *   <li>a signed-in user asking for what they may not see gets 403 and a page that names nothing of it; a visitor who
 *       has not signed in is sent to the sign-in page;</li>
 *   <li>sign-in with the users file (form login, bcrypt) and, when configured, OIDC, whose claim is mapped to roles;</li>
 *   <li>CSRF protection on every form (sign-in, sign-out), a content security policy, and no caching of pages.</li>
 * </ul>
 */
public final class DashboardSecurity {
  /** The paths this chain answers for; the rest of an application keeps its own security. */
  static final String[] PATHS = {"/", "/index.html", "/dashboards/**", "/packs", "/packs/**", "/badge.svg",
      "/rhythm.html", "/raci.html", "/kpis.html", "/login", "/logout", "/oauth2/**", "/login/oauth2/**"};

  private static final String FORBIDDEN_PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Forbidden</title></head><body>"
      + "<main><h1>Forbidden</h1><p>Your roles do not give access to this page.</p><p><a href=\"/\">Dashboards</a></p>"
      + "</main></body></html>";

  private DashboardSecurity() {}

  /** Configures {@code http} and builds the chain. */
  static SecurityFilterChain chain(HttpSecurity http, ServerSettings settings, DashboardAccess access, AuditLog audit,
      Roles roles) throws Exception {
    Clock clock = Clock.systemUTC();
    http.securityMatcher(PATHS);
    http.authorizeHttpRequests(a -> {
      a.requestMatchers("/login", "/error").permitAll();
      if (settings.publicBadge()) {
        a.requestMatchers(HttpMethod.GET, "/badge.svg").permitAll();
      }
      a.requestMatchers("/dashboards/{id}", "/dashboards/{id}/**").access((auth, ctx) ->
          new AuthorizationDecision(access.dashboardRequest(variable(ctx, "id"), auth.get())));
      a.requestMatchers("/packs/{pack}", "/packs/{pack}/**").access((auth, ctx) ->
          new AuthorizationDecision(access.packRequest(variable(ctx, "pack"), auth.get())));
      a.anyRequest().authenticated();
    });
    if (settings.users() != null || settings.demoUsers()) {
      http.formLogin(Customizer.withDefaults());
    }
    ServerSettings.Oidc oidc = settings.oidc();
    if (oidc != null) {
      ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuer()).registrationId("oidc")
          .clientName("Single sign-on").clientId(oidc.clientId()).clientSecret(oidc.clientSecret())
          .scope("openid", "profile", "email").build();
      http.oauth2Login(o -> o.clientRegistrationRepository(new InMemoryClientRegistrationRepository(registration))
          .userInfoEndpoint(u -> u.userAuthoritiesMapper(authoritiesMapper(oidc, roles))));
    }
    http.logout(l -> l.logoutSuccessUrl("/login?logout"));
    http.exceptionHandling(e -> e.accessDeniedHandler(forbidden(audit, clock)));
    http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'")));
    return http.build();
  }

  /** 403 with a page naming nothing of what was asked for; the refusal goes to the audit log. */
  static AccessDeniedHandler forbidden(AuditLog audit, Clock clock) {
    return (request, response, e) -> {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      String user = auth == null ? "anonymous" : auth.getName();
      audit.access(clock.instant(), user, request.getRequestURI(), false);
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response.getOutputStream().write(FORBIDDEN_PAGE.getBytes(StandardCharsets.UTF_8));
    };
  }

  /**
   * Maps what the identity provider says to the company's roles: the values of {@code oidc.rolesClaim()} (a list, or
   * one text of names separated by commas or spaces) through {@code oidc.roleMapping()}; a value that is a role id of
   * the company grants that role; anything else grants nothing.
   */
  static GrantedAuthoritiesMapper authoritiesMapper(ServerSettings.Oidc oidc, Roles roles) {
    return authorities -> {
      Set<GrantedAuthority> out = new LinkedHashSet<>();
      for (GrantedAuthority a : authorities) {
        Map<String, Object> claims = new java.util.HashMap<>();
        if (a instanceof OidcUserAuthority o) {
          if (o.getUserInfo() != null) {
            claims.putAll(o.getUserInfo().getClaims());
          }
          claims.putAll(o.getIdToken().getClaims());
        } else if (a instanceof OAuth2UserAuthority u) {
          claims.putAll(u.getAttributes());
        }
        for (String value : values(claims.get(oidc.rolesClaim()))) {
          for (String role : oidc.roleMapping().getOrDefault(value, roles.contains(value) ? List.of(value) : List.of())) {
            if (roles.contains(role)) {
              out.add(new SimpleGrantedAuthority(DashboardAccess.ROLE_PREFIX + role));
            }
          }
        }
      }
      return out;
    };
  }

  private static List<String> values(@Nullable Object claim) {
    List<String> out = new ArrayList<>();
    if (claim instanceof Collection<?> c) {
      c.forEach(v -> out.add(String.valueOf(v)));
    } else if (claim instanceof String s) {
      for (String v : s.split("[,\\s]+")) {
        if (!v.isBlank()) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private static @Nullable String variable(RequestAuthorizationContext ctx, String name) {
    return ctx.getVariables().get(name);
  }
}
