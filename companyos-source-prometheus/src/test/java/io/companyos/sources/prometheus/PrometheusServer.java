package io.companyos.sources.prometheus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server for tests: the Debian package's {@code prometheus} binary, started once per
 * test JVM on a free loopback port with a temporary TSDB backfilled by
 * {@code promtool tsdb create-blocks-from openmetrics}, under the route prefix {@code /prom}. When the
 * binaries are absent the tests are skipped, except under {@code CI=true}, where that is a failure: CI
 * must really run them.
 */
public final class PrometheusServer {
  /** Start of the backfilled data: 2026-11-20T00:00:00Z. */
  public static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
  /** The backfilled data covers six hours from T0, one sample every five minutes. */
  static final Duration SPAN = Duration.ofHours(6);

  private static PrometheusServer instance;

  public final URI url;
  private final Process process;
  private final Path dir;

  private PrometheusServer(URI url, Process process, Path dir) {
    this.url = url;
    this.process = process;
    this.dir = dir;
  }

  /** The shared server, started on first use. Skips (or fails under CI) when Prometheus is not installed. */
  public static synchronized PrometheusServer get() {
    String prometheus = which("prometheus");
    String promtool = which("promtool");
    if (prometheus == null || promtool == null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("prometheus and promtool must be installed in CI (apt-get install prometheus); tests cannot be skipped");
      }
      assumeTrue(false, "prometheus/promtool not installed: skipping real-Prometheus tests (apt-get install prometheus)");
    }
    if (instance == null) {
      instance = start(prometheus, promtool);
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
    }
    return instance;
  }

  static String which(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  /**
   * The backfilled series, with values chosen so tests can be checked by hand:
   * critical CVE gauge 1 before T0+1h and 2 after; burn rate of search 0.5, except 20 in [T0+2h, T0+2h30m);
   * burn rate of checkout constantly 0.25; and the request counter {@code http_requests_total} of checkout, from 0 at
   * T0, growing by 995 with {@code code="200"} and 5 with {@code code="500"} every five minutes (0.5% of requests fail).
   */
  static String openMetrics() {
    StringBuilder cve = new StringBuilder("# TYPE companyos:security:critical_cve_count:gauge gauge\n");
    StringBuilder burn = new StringBuilder("# TYPE companyos:service:error_budget_burn_rate:ratio gauge\n");
    for (long m = 0; m <= SPAN.toMinutes(); m += 5) {
      long ts = T0.getEpochSecond() + m * 60;
      cve.append(String.format(Locale.ROOT, "companyos:security:critical_cve_count:gauge %d %d%n", m < 60 ? 1 : 2, ts));
    }
    for (String service : List.of("checkout", "search")) {
      for (long m = 0; m <= SPAN.toMinutes(); m += 5) {
        long ts = T0.getEpochSecond() + m * 60;
        double v = service.equals("checkout") ? 0.25 : (m >= 120 && m < 150 ? 20 : 0.5);
        burn.append(String.format(Locale.ROOT, "companyos:service:error_budget_burn_rate:ratio{service=\"%s\"} %s %d%n", service, v, ts));
      }
    }
    StringBuilder requests = new StringBuilder("# TYPE http_requests counter\n");
    for (String code : List.of("200", "500")) {
      for (long m = 0; m <= SPAN.toMinutes(); m += 5) {
        long ts = T0.getEpochSecond() + m * 60;
        long v = (m / 5) * (code.equals("200") ? 995 : 5);
        requests.append(String.format(Locale.ROOT, "http_requests_total{service=\"checkout\",code=\"%s\"} %d %d%n", code, v, ts));
      }
    }
    return cve.toString() + burn + requests + "# EOF\n";
  }

  private static PrometheusServer start(String prometheus, String promtool) {
    try {
      Path dir = Files.createTempDirectory("companyos-prometheus");
      Path data = dir.resolve("data");
      Path om = Files.writeString(dir.resolve("backfill.om"), openMetrics());
      run(promtool, "tsdb", "create-blocks-from", "openmetrics", om.toString(), data.toString());
      Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1h\nscrape_configs: []\n");
      int port;
      try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      URI url = URI.create("http://127.0.0.1:" + port + "/prom/");
      Process p = new ProcessBuilder(prometheus, "--config.file=" + config, "--storage.tsdb.path=" + data,
          "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:" + port, "--web.external-url=" + url)
          .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
      PrometheusServer server = new PrometheusServer(url, p, dir);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() throws IOException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(url.resolve("-/ready")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("prometheus not ready after 60 s: " + Files.readString(dir.resolve("prometheus.log")));
  }

  static String run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return out;
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(dir);
  }

  /** Removes the server's temporary folder (its data, configuration and log), as a test leaves nothing behind. */
  static void deleteTree(Path root) {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit: a folder already gone or still held is left to the system's temp cleaning
    }
  }
}
