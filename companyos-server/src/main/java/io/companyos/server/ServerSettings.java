package io.companyos.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the dashboard server runs.
 *
 * @param users the users file (see {@link UsersFile}); {@code null} for the demo users or OIDC sign-in only
 * @param demoUsers whether the demo users of the sample company sign in ({@link UsersFile#demo}), when no file is given
 * @param oidc OIDC sign-in; {@code null} for the users file only
 * @param auditDir where {@code dashboard_views.csv} and {@code access.csv} are appended; {@code null} for no audit log
 * @param cacheTtl how long a built dashboard is reused before it is built again from the sources
 * @param history packs listed by date per dashboard
 * @param zone overrides each pack's zone; {@code null} for each meeting's own
 * @param publicBadge whether {@code /badge.svg} answers without sign-in (for embedding in other pages)
 * @param secureCookie whether the session cookie is {@code Secure} (off only for plain HTTP beyond localhost)
 * @param population the number of people expected to use the dashboards, for the Dashboard Usage KPI; null: unknown
 * @param archive the folder packs were written to ({@code render --out}, the seed's {@code docs/meetings/}), served as
 *     written to readers who may see everything; {@code null} for packs rendered from the sources only
 */
public record ServerSettings(@Nullable Path users, boolean demoUsers, @Nullable Oidc oidc, @Nullable Path auditDir, Duration cacheTtl,
    int history, @Nullable ZoneId zone, boolean publicBadge, boolean secureCookie, @Nullable Integer population,
    @Nullable Path archive) {

  /**
   * OIDC sign-in at an identity provider found by its issuer's discovery document.
   *
   * @param rolesClaim the claim of the ID token (or user info) holding the user's groups or roles
   * @param roleMapping a claim value → the company's role ids it grants; a value that is itself a role id grants that role
   */
  public record Oidc(String issuer, String clientId, String clientSecret, String rolesClaim,
      Map<String, List<String>> roleMapping) {
    public Oidc {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "groups" : rolesClaim;
      roleMapping = Map.copyOf(roleMapping);
    }

    @Override
    public String toString() {
      // The secret never reaches a log line through this record.
      return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", rolesClaim=" + rolesClaim + "]";
    }
  }

  public ServerSettings {
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    if (users == null && !demoUsers && oidc == null) {
      throw new IllegalArgumentException("give a users file, OIDC sign-in or both");
    }
    if (history < 1 || history > 52) {
      throw new IllegalArgumentException("history must be 1..52, was " + history);
    }
    if (cacheTtl.isNegative()) {
      throw new IllegalArgumentException("cacheTtl must not be negative");
    }
  }

  /** Settings without a pack archive folder (the constructor before {@code archive} was added). */
  public ServerSettings(@Nullable Path users, boolean demoUsers, @Nullable Oidc oidc, @Nullable Path auditDir,
      Duration cacheTtl, int history, @Nullable ZoneId zone, boolean publicBadge, boolean secureCookie,
      @Nullable Integer population) {
    this(users, demoUsers, oidc, auditDir, cacheTtl, history, zone, publicBadge, secureCookie, population, null);
  }

  /** Settings with a users file only, a one-minute cache, four packs of history, an authenticated badge. */
  public static ServerSettings withUsers(Path users) {
    return new ServerSettings(users, false, null, null, Duration.ofMinutes(1), 4, null, false, true, null);
  }

  /** Settings with the demo users of the sample company, otherwise as {@link #withUsers}. */
  public static ServerSettings demo() {
    return new ServerSettings(null, true, null, null, Duration.ofMinutes(1), 4, null, false, true, null);
  }

  /** These settings with an audit log in {@code dir}. */
  public ServerSettings audit(@Nullable Path dir) {
    return new ServerSettings(users, demoUsers, oidc, dir, cacheTtl, history, zone, publicBadge, secureCookie, population,
        archive);
  }

  /** These settings with packs listed {@code n} deep. */
  public ServerSettings history(int n) {
    return new ServerSettings(users, demoUsers, oidc, auditDir, cacheTtl, n, zone, publicBadge, secureCookie, population,
        archive);
  }

  /** These settings with the packs written to {@code dir} served from there (see {@link PackArchive}). */
  public ServerSettings archive(@Nullable Path dir) {
    return new ServerSettings(users, demoUsers, oidc, auditDir, cacheTtl, history, zone, publicBadge, secureCookie,
        population, dir);
  }
}
