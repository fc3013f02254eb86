package io.companyos.server;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Dashboard;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.Recipient;
import io.companyos.render.AccessPolicy;
import io.companyos.site.SitePages;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The access levels of the seed, as the server decides them: a signed-in user's granted authorities
 * {@code ROLE_<role id>} are the company's roles they hold, and the same {@link AccessPolicy} the packs use decides.
 *
 * <ul>
 *   <li>a dashboard opens for a reader the dashboard's {@code access} list admits (groups included);</li>
 *   <li>a pack (its archive copies and exports) opens for a reader who may open a dashboard it is delivered to, or
 *       whom its recipients admit;</li>
 *   <li>within what opens, sections are redacted for the reader ({@link AccessPolicy#redact}).</li>
 * </ul>
 */
public final class DashboardAccess {
  /** The prefix of an authority that names a role of the company. */
  public static final String ROLE_PREFIX = "ROLE_";

  private final CompanyDefinition company;
  private final SitePages pages;
  private final AccessPolicy policy;

  public DashboardAccess(SitePages pages) {
    this.pages = pages;
    this.company = pages.company();
    this.policy = pages.access();
  }

  /** The company's roles {@code auth} holds. */
  public static List<String> roles(@Nullable Authentication auth) {
    if (!signedIn(auth)) {
      return List.of();
    }
    return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a != null && a.startsWith(ROLE_PREFIX)).map(a -> a.substring(ROLE_PREFIX.length()))
        .distinct().sorted().toList();
  }

  /** Whether {@code auth} is a signed-in user (not the anonymous one). */
  public static boolean signedIn(@Nullable Authentication auth) {
    return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
  }

  /** The dashboard with id {@code id}. */
  public Optional<Dashboard> dashboard(String id) {
    return company.dashboards().stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** The pack with id {@code id}. */
  public Optional<PackDefinition> pack(String id) {
    return company.packs().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Whether a reader holding {@code roles} may open dashboard {@code d}. */
  public boolean mayOpen(Dashboard d, Collection<String> roles) {
    return policy.mayOpen(d, roles);
  }

  /** Whether a reader holding {@code roles} may read pack {@code p}. */
  public boolean mayRead(PackDefinition p, Collection<String> roles) {
    if (company.dashboards().stream().anyMatch(d -> policy.mayOpen(d, roles) && pages.packsOf(d).contains(p))) {
      return true;
    }
    List<String> recipients = p.recipients().stream().map(Recipient::role).toList();
    return !recipients.isEmpty() && roles.stream().anyMatch(r -> company.roles().allows(recipients, r));
  }

  /**
   * Whether a reader holding {@code roles} may see every section of every pack: then nothing in any pack is restricted
   * for them (a fact restricted in one place carries the audience of the section it comes from), and a pack written
   * in full to the archive folder may be handed to them as written.
   */
  public boolean seesEverything(Collection<String> roles) {
    return company.packs().stream().flatMap(p -> p.sections().stream()).map(s -> s.visibleTo())
        .allMatch(v -> v.isEmpty() || roles.stream().anyMatch(r -> company.roles().allows(v, r)));
  }

  /** The packs a reader holding {@code roles} may read, in the company's order. */
  public List<PackDefinition> readablePacks(Collection<String> roles) {
    return company.packs().stream().filter(p -> mayRead(p, roles)).toList();
  }

  /** The decision for {@code /dashboards/<id>/**}: an unknown id is left to answer 404. */
  public boolean dashboardRequest(@Nullable String id, @Nullable Authentication auth) {
    if (!signedIn(auth) || id == null) {
      return false;
    }
    return dashboard(id).map(d -> mayOpen(d, roles(auth))).orElse(true);
  }

  /** The decision for {@code /packs/<id>/**}: an unknown id is left to answer 404. */
  public boolean packRequest(@Nullable String id, @Nullable Authentication auth) {
    if (!signedIn(auth) || id == null) {
      return false;
    }
    return pack(id).map(p -> mayRead(p, roles(auth))).orElse(true);
  }
}
