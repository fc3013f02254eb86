package io.companyos.sources.jdbc.testserver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: Debian's {@code postgresql} package ({@code initdb} and {@code postgres} from
 * {@code /usr/lib/postgresql/<version>/bin} or the PATH), a fresh cluster in a temporary folder, on a free loopback
 * port with trust authentication, started once per test JVM and stopped at its end. PostgreSQL refuses to run as
 * root, so under root (as in CI) both run as the {@code postgres} user through {@code setpriv}. When the binaries are
 * absent the tests are skipped, except under {@code CI=true}, where that is a failure.
 */
public final class PostgresServer {
  private static PostgresServer instance;

  /** The JDBC URL of the test database {@code companyos}, user {@code postgres} without a password. */
  public final String url;
  private final Process process;
  private final Path dir;

  private PostgresServer(String url, Process process, Path dir) {
    this.url = url;
    this.process = process;
    this.dir = dir;
  }

  /** The shared server, started on first use, with an empty database {@code companyos}. */
  public static synchronized PostgresServer get() {
    Path bin = binaries();
    if (bin == null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("PostgreSQL must be installed in CI (apt-get install postgresql); tests cannot be skipped");
      }
      assumeTrue(false, "PostgreSQL not installed: skipping real-PostgreSQL tests (apt-get install postgresql)");
    }
    if (instance == null) {
      instance = start(bin);
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
    }
    return instance;
  }

  /** A new connection to the test database as its owner. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  /** Runs each statement in the test database. */
  public void execute(String... statements) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path binaries() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, "initdb")) && Files.isExecutable(Path.of(d, "postgres"))) {
        return Path.of(d);
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static PostgresServer start(Path bin) {
    try {
      Path dir = Files.createTempDirectory("companyos-pg");
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) {
        run(List.of("chown", "postgres:", dir.toString()), dir);
      }
      Path data = dir.resolve("data");
      run(asUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
          "-E", "UTF8", "--locale=C", "-N")), dir);
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Process p = new ProcessBuilder(asUser(root, List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
          "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
          "-c", "TimeZone=Pacific/Auckland", "-c", "log_timezone=UTC")))
          .redirectErrorStream(true).redirectOutput(dir.resolve("postgres.log").toFile()).start();
      String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (true) {
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE companyos");
          break;
        } catch (SQLException e) {
          if (!p.isAlive() || System.nanoTime() > deadline) {
            p.destroyForcibly();
            throw new IllegalStateException("PostgreSQL did not start: " + Files.readString(dir.resolve("postgres.log")), e);
          }
          Thread.sleep(200);
        }
      }
      return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/companyos", p, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> asUser(boolean root, List<String> command) {
    if (!root) {
      return command;
    }
    List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
    out.addAll(command);
    return out;
  }

  private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("setup.log").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(dir.resolve("setup.log")));
    }
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the system cleans it
    }
  }
}
