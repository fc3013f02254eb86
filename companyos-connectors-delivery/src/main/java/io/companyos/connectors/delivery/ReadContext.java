package io.companyos.connectors.delivery;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.LocatedJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** What a format reader writes into while reading one export, and helpers to read fields. */
final class ReadContext {
  /**
   * A deployment as exported. {@code outcome} is GitLab's (null for GitHub, whose outcome is in its statuses, and for
   * an unfinished GitLab deployment); {@code finishedAt} is when GitLab says it finished.
   */
  record Deploy(String repo, String id, String sha, String environment, boolean production, Instant createdAt,
      @Nullable Instant finishedAt, @Nullable Boolean success, boolean github, long order) {
    String key() {
      return repo + "/deployments/" + id;
    }
  }

  /** A GitHub deployment status. */
  record Status(String repo, String deploymentId, String id, String state, Instant createdAt) {
    String deploymentKey() {
      return repo + "/deployments/" + deploymentId;
    }
  }

  /** A pull or merge request as exported; {@code mergeShas} are the commits its merge made. */
  record Pr(String id, String repo, String number, String title, String author, Instant openedAt, @Nullable Instant mergedAt,
      @Nullable Instant closedAt, Set<String> mergeShas, @Nullable Instant updatedAt, long order) {}

  /** A GitHub pull request review. */
  record Review(String repo, String number, String id, Instant submittedAt) {}

  final String file;
  private final ExportReading.FileEntries entries;
  private final long fileOrder;
  final Settings settings;
  final List<Deploy> deploys = new ArrayList<>();
  final List<Status> statuses = new ArrayList<>();
  final List<Pr> prs = new ArrayList<>();
  final List<Review> reviews = new ArrayList<>();
  String format = "";

  ReadContext(ExportReading.FileEntries entries, Settings settings) {
    this.file = entries.name();
    this.entries = entries;
    this.fileOrder = entries.order();
    this.settings = settings;
  }

  long order() {
    return fileOrder * 10_000_000L + deploys.size() + prs.size();
  }

  /** Reads one entry; in lenient mode a problem skips it, in strict mode it stops the read. */
  void each(LocatedJson item, Consumer<LocatedJson> read) {
    entries.each(item, j -> {
      if (!j.isObject()) {
        throw new ExportProblem(DeliveryExportException.MISSING, j, "an entry is " + j.typeName() + ", not an object", null);
      }
      read.accept(j);
    });
  }

  /** A time written as ISO-8601 with an offset; null when absent. */
  static @Nullable Instant time(LocatedJson v, String field) {
    if (v.isAbsent()) {
      return null;
    }
    String s = v.text();
    if (s == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, v, field + " is " + v.typeName() + ", not a time", null);
    }
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ExportProblem(DeliveryExportException.INVALID, v, field + " '" + s + "' is not an ISO-8601 time with offset",
          "the APIs write 2026-03-01T10:22:33Z");
    }
  }

  /** A time the format requires. */
  static Instant requireTime(LocatedJson parent, String name, String what) {
    Instant t = time(parent.get(name), name);
    if (t == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, parent.get(name), what + " has no " + name, null);
    }
    return t;
  }

  /** A text (or number) field the format requires. */
  static String requireText(LocatedJson parent, String name, String what) {
    LocatedJson v = parent.get(name);
    String s = v.scalar();
    if (s == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, v,
          what + " has no " + name + (v.isAbsent() ? "" : " (it is " + v.typeName() + ")"), null);
    }
    return s;
  }

  /** A state or status that must be one of {@code allowed}. */
  static String oneOf(LocatedJson parent, String name, String what, List<String> allowed) {
    String s = requireText(parent, name, what);
    if (!allowed.contains(s)) {
      throw new ExportProblem(DeliveryExportException.INVALID, parent.get(name),
          what + ": " + name + " '" + s + "' is none of " + String.join(", ", allowed), null);
    }
    return s;
  }

  /** The part of an API or web URL after {@code marker} and before {@code end} ({@code /repos/}, {@code /deployments/}). */
  static @Nullable String between(@Nullable String url, String marker, @Nullable String end) {
    if (url == null) {
      return null;
    }
    int i = url.indexOf(marker);
    if (i < 0) {
      return null;
    }
    String rest = url.substring(i + marker.length());
    if (end != null) {
      int j = rest.indexOf(end);
      if (j < 0) {
        return null;
      }
      rest = rest.substring(0, j);
    }
    return rest.isEmpty() ? null : rest;
  }
}
