package io.companyos.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A real HTTP server on loopback that records requests and answers with scripted responses. */
final class LocalHttpServer implements AutoCloseable {
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
          .findFirst().orElse(null);
    }
  }

  record Response(int status, String body, Map<String, String> headers) {
    static Response of(int status, String body) {
      return new Response(status, body, Map.of());
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Response> script = new ArrayDeque<>();
  private Response fallback = Response.of(200, "ok");

  LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Response r;
      synchronized (this) {
        requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
        r = script.isEmpty() ? fallback : script.poll();
      }
      r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    });
    server.start();
  }

  synchronized LocalHttpServer then(Response r) {
    script.add(r);
    return this;
  }

  synchronized LocalHttpServer otherwise(Response r) {
    fallback = r;
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
