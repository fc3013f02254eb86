package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.server.DashboardServer;
import io.companyos.server.ServedCompany;
import io.companyos.server.ServerSettings;
import io.companyos.server.UsersFile;
import io.companyos.sources.MetricSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Starts the dashboard server for {@link ServeCommand}. Kept apart from the command so that the command's own
 * signatures name no server type: the server (and Spring) are needed only when {@code serve} runs, and the rest of
 * the CLI works on the module path without them.
 */
final class ServeLauncher {
  private ServeLauncher() {}

  /** The archive folder: {@code --archive}, else {@code docs/meetings} when it is a folder, else none. */
  static @Nullable Path archive(ServeCommand c) {
    if (c.archive != null) {
      return c.archive;
    }
    Path seed = Path.of("docs", "meetings");
    return java.nio.file.Files.isDirectory(seed) ? seed : null;
  }

  static void serve(ServeCommand c, CompanyDefinition company, List<MetricSource> sources, Supplier<Instant> at,
      @Nullable Path usersFile, boolean demo, @Nullable String secret, Map<String, List<String>> mapping,
      @Nullable ZoneId zone) throws InterruptedException {
    ServerSettings.Oidc oidc = c.oidcIssuer == null || c.oidcClientId == null || secret == null ? null
        : new ServerSettings.Oidc(c.oidcIssuer, c.oidcClientId, secret, c.oidcRolesClaim, mapping);
    ServerSettings settings = new ServerSettings(usersFile, demo, oidc, c.audit, Duration.ofSeconds(c.cacheSeconds),
        c.history, zone, c.publicBadge, !c.insecureCookie, c.population, archive(c));
    PrintWriter err = c.spec.commandLine().getErr();
    try (DashboardServer server = DashboardServer.start(new ServedCompany(company, sources, at), settings, c.bind, c.port)) {
      String host = c.bind.contains(":") ? "[" + c.bind + "]" : c.bind;
      String url = "http://" + (c.bind.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + server.port() + "/";
      if (demo) {
        err.println("signing in with the demo users of the sample company (" + String.join(", ",
            UsersFile.demo(company.roles()).users().keySet()) + "; password: the user name + '-demo', e.g. ceo-demo)");
      }
      err.println("serving the dashboards at " + url + " (Ctrl-C stops)");
      err.flush();
      c.spec.commandLine().getOut().println(url);
      c.spec.commandLine().getOut().flush();
      server.await();
    }
  }
}
