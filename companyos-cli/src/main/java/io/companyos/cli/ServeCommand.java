package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code companyos serve}: the dashboards served with sign-in and the access levels enforced (see companyos-server). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the dashboards at their URLs (/dashboards/exec-cockpit, ...), the pack archive in every export "
        + "format and a live health badge, behind sign-in: a users file (--users) or OIDC (--oidc-issuer).",
        "Each dashboard, pack and export opens only for the roles of its access level; sections are redacted as in packs.",
        "Without --users or OIDC on the built-in sample company, the demo users sign in (ceo / ceo-demo, ...)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "1:could not start (bad users file, port in use)", "2:usage error"})
final class ServeCommand implements Callable<Integer> {
  /** The environment variable holding the OIDC client secret (never a command-line argument, which others can see). */
  static final String SECRET_ENV = "COMPANYOS_OIDC_CLIENT_SECRET";

  /** Tomcat's start-up notes stay out of the terminal; warnings still show. Held so the setting is not collected. */
  private static final java.util.logging.Logger TOMCAT = java.util.logging.Logger.getLogger("org.apache");
  /** At shutdown, the sources' worker threads are still alive: that is expected, not a leak to warn about. */
  private static final java.util.logging.Logger TOMCAT_LOADER =
      java.util.logging.Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to listen on (0: any free "
      + "port). Default: ${DEFAULT-VALUE}.")
  int port = 8080;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on. "
      + "Default: ${DEFAULT-VALUE} (this machine only); 0.0.0.0 for every interface.")
  String bind = "127.0.0.1";

  @Option(names = "--users", paramLabel = "FILE", description = "Users file (user, bcrypt password hash, roles). "
      + "Default: the company folder's users.yaml; the demo users for the built-in sample company.")
  @Nullable Path users;

  @Option(names = "--audit", paramLabel = "DIR", description = "Append who viewed what to DIR/dashboard_views.csv "
      + "(read by the Dashboard Usage KPI as a files source) and DIR/access.csv. Default: no audit log.")
  @Nullable Path audit;

  @Option(names = "--as-of", paramLabel = "ISO", description = "Instant the data is taken at. Default: the sample "
      + "company's fixed as-of with the sample source, else the time of each build.")
  @Nullable String asOf;

  @Option(names = "--tz", paramLabel = "ZONE", description = "IANA time zone for dates. Default: each meeting's zone.")
  @Nullable String tz;

  @Option(names = "--sources", paramLabel = "FILE", description = "sources.yaml naming the sources. Default: the "
      + "company folder's sources.yaml, else the sample company.")
  @Nullable Path sources;

  @Option(names = "--archive", paramLabel = "DIR", description = "Folder the packs were written to (render --out DIR): "
      + "its copies are listed on /packs and served as written to readers who may see every section. "
      + "Default: docs/meetings when it is a folder.")
  @Nullable Path archive;

  @Option(names = "--history", paramLabel = "N", defaultValue = "4",
      description = "Packs listed by date per dashboard and in the archive (1-52). Default: ${DEFAULT-VALUE}.")
  int history = 4;

  @Option(names = "--cache", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long a built dashboard is reused before it is built again from the sources. Default: ${DEFAULT-VALUE}.")
  int cacheSeconds = 60;

  @Option(names = "--population", paramLabel = "N", description = "People expected to use the dashboards, for the "
      + "Dashboard Usage KPI. Default: not measured.")
  @Nullable Integer population;

  @Option(names = "--public-badge", description = "Serve /badge.svg without sign-in (to embed it elsewhere).")
  boolean publicBadge;

  @Option(names = "--insecure-cookie", description = "Send the session cookie without the Secure flag: only for plain "
      + "HTTP on a network other than this machine, never in production.")
  boolean insecureCookie;

  @Option(names = "--oidc-issuer", paramLabel = "URL", description = "OIDC sign-in at this issuer (discovery at "
      + "URL/.well-known/openid-configuration); the client secret is read from $" + SECRET_ENV + ".")
  @Nullable String oidcIssuer;

  @Option(names = "--oidc-client-id", paramLabel = "ID", description = "The OIDC client id.")
  @Nullable String oidcClientId;

  @Option(names = "--oidc-roles-claim", paramLabel = "CLAIM", defaultValue = "groups",
      description = "The ID token or user-info claim listing the user's groups. Default: ${DEFAULT-VALUE}.")
  String oidcRolesClaim = "groups";

  @Option(names = "--oidc-role", paramLabel = "VALUE=ROLE[,ROLE...]", description = "Maps a value of the roles claim to "
      + "the company's roles (repeatable); a value that is a role id maps to itself.")
  List<String> oidcRoles = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    if (history < 1 || history > 52) {
      throw new ParameterException(spec.commandLine(), "--history must be between 1 and 52, was " + history);
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
    }
    if (cacheSeconds < 0) {
      throw new ParameterException(spec.commandLine(), "--cache must not be negative, was " + cacheSeconds);
    }
    if (archive != null && !java.nio.file.Files.isDirectory(archive)) {
      throw new ParameterException(spec.commandLine(), "--archive is not a folder: " + archive);
    }
    CompanyDefinition company = definitions.company();
    Map<String, List<String>> mapping = oidcMapping();
    String secret = null;
    if (oidcIssuer != null) {
      secret = System.getenv(SECRET_ENV);
      if (secret == null || secret.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--oidc-issuer needs the client secret in $" + SECRET_ENV);
      }
      mapping.values().stream().flatMap(List::stream).filter(r -> !company.roles().contains(r)).findFirst()
          .ifPresent(r -> {
            throw new ParameterException(spec.commandLine(), "--oidc-role names '" + r + "', which is not a role of roles.yaml");
          });
    }
    Path usersFile = definitions.file(users, "users.yaml");
    boolean demo = usersFile == null && oidcIssuer == null;
    if (demo && !definitions.folder().isBuiltin()) {
      throw new ParameterException(spec.commandLine(), "give --users FILE (or users.yaml in the company folder) or "
          + "--oidc-issuer: the demo users sign in only to the built-in sample company");
    }
    TOMCAT.setLevel(java.util.logging.Level.WARNING);
    TOMCAT_LOADER.setLevel(java.util.logging.Level.SEVERE);
    var zone = CliArguments.zone(spec, tz);
    Instant fixed = CliArguments.asOf(spec, asOf);
    try (RenderSources.Opened opened = RenderSources.open(definitions.sources(sources), fixed)) {
      boolean frozen = fixed != null || opened.asOf().equals(SampleSourceProvider.DEFAULT_AS_OF);
      Instant start = opened.asOf();
      Supplier<Instant> at = frozen ? () -> start : Clock.systemUTC()::instant;
      ServeLauncher.serve(this, company, opened.all(), at, usersFile, demo, secret, mapping, zone);
    }
    return 0;
  }

  /** The --oidc-role mappings; checks the OIDC options belong together. */
  private Map<String, List<String>> oidcMapping() {
    if (oidcIssuer == null) {
      if (oidcClientId != null || !oidcRoles.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--oidc-client-id and --oidc-role need --oidc-issuer");
      }
      return new LinkedHashMap<>();
    }
    if (oidcClientId == null) {
      throw new ParameterException(spec.commandLine(), "--oidc-issuer needs --oidc-client-id");
    }
    Map<String, List<String>> mapping = new LinkedHashMap<>();
    for (String m : oidcRoles) {
      int eq = m.indexOf('=');
      if (eq <= 0 || eq == m.length() - 1) {
        throw new ParameterException(spec.commandLine(), "--oidc-role '" + m + "' is not VALUE=ROLE[,ROLE...]");
      }
      mapping.put(m.substring(0, eq), List.of(m.substring(eq + 1).split(",")));
    }
    return mapping;
  }
}
