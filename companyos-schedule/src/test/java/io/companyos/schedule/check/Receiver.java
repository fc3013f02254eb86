package io.companyos.schedule.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP receiver on loopback for PagerDuty-, Slack-, status-page- and webhook-style posts: records every
 * request, answers from a script of replies (then 202), and keeps PagerDuty's view of open incidents by
 * {@code dedup_key} (a trigger opens, a resolve closes; requests scripted to be answered 2xx count, even when the
 * answer comes too late for the client).
 */
final class Receiver implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted answer: status, optional Retry-After, and a delay before answering. */
  record Reply(int status, String retryAfter, long delayMillis) {
    static Reply status(int status) {
      return new Reply(status, null, 0);
    }
  }

  /** A request as received, with the status it was answered. */
  record Post(String path, JsonNode body, int answered) {
    String eventAction() {
      return body.path("event_action").asText();
    }
  }

  final List<Post> posts = new CopyOnWriteArrayList<>();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final Set<String> open = new TreeSet<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", ex -> {
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      Reply r;
      synchronized (script) {
        r = script.isEmpty() ? Reply.status(202) : script.poll();
      }
      if (r.status() / 100 == 2 && ex.getRequestURI().getPath().equals("/pd")) {
        synchronized (open) {
          if (body.path("event_action").asText().equals("trigger")) {
            open.add(body.path("dedup_key").asText());
          } else {
            open.remove(body.path("dedup_key").asText());
          }
        }
      }
      posts.add(new Post(ex.getRequestURI().getPath(), body, r.status()));
      // Processed first, answered late: a client that times out (or dies) meanwhile has still been heard.
      if (r.delayMillis() > 0) {
        try {
          Thread.sleep(r.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (r.retryAfter() != null) {
        ex.getResponseHeaders().add("Retry-After", r.retryAfter());
      }
      try {
        ex.sendResponseHeaders(r.status(), -1);
      } catch (IOException e) {
        // the client gave up (timeout): the request was received all the same
      }
      ex.close();
    });
    server.start();
  }

  /** Answers the next requests with these replies, in order. */
  Receiver then(Reply... replies) {
    synchronized (script) {
      script.addAll(List.of(replies));
    }
    return this;
  }

  Receiver then(int... statuses) {
    for (int s : statuses) {
      then(Reply.status(s));
    }
    return this;
  }

  /** Drops replies not used yet. */
  void clearScript() {
    synchronized (script) {
      script.clear();
    }
  }

  /** Forgets every request and incident. */
  void reset() {
    clearScript();
    posts.clear();
    synchronized (open) {
      open.clear();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The environment of the built-in actions pointing here. */
  Map<String, String> env() {
    return Map.of("COMPANYOS_SLACK_WEBHOOK_URL", url("/slack"), "COMPANYOS_STATUS_PAGE_URL", url("/status"),
        "COMPANYOS_PAGERDUTY_ROUTING_KEY", "rk-123", "COMPANYOS_PAGERDUTY_URL", url("/pd"), "COMPANYOS_WEBHOOK_URL", url("/hook"));
  }

  List<Post> at(String path) {
    return posts.stream().filter(p -> p.path().equals(path)).toList();
  }

  /** PagerDuty incidents open here (triggered and not resolved, counting only answered 2xx requests). */
  Set<String> openIncidents() {
    synchronized (open) {
      return new TreeSet<>(open);
    }
  }

  List<String> eventActions() {
    List<String> out = new ArrayList<>();
    for (Post p : at("/pd")) {
      out.add(p.eventAction() + " " + p.answered());
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
