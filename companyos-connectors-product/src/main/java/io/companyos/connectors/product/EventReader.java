package io.companyos.connectors.product;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.ProductEvent;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Events as JSON Lines: each line one PostHog event ({@code event}, {@code distinct_id}, {@code timestamp},
 * {@code properties}, {@code uuid}) or one Amplitude event ({@code event_type}, {@code user_id} or {@code device_id},
 * {@code event_time}, {@code session_id}, {@code groups}, {@code event_properties}, {@code insert_id}), told apart line
 * by line.
 */
final class EventReader {
  /** Calls that set who a user or group is, not uses of the product; not read. */
  static final Set<String> IDENTITY = Set.of("$identify", "$set", "$groupidentify", "$create_alias", "$merge_dangerously");

  /** An event read, with the id the tool deduplicates it by (null when it has none). */
  record Read(ProductEvent event, @Nullable String dedupKey, String tool, boolean noAccount) {}

  /** Where the events and problems of a file go. */
  interface Sink {
    void event(Read read);

    /** A line that cannot be read: thrown (strict) or recorded (lenient). */
    void bad(ExportProblem problem);

    /** An identity call left out. */
    void identity();
  }

  private EventReader() {}

  static void read(BufferedReader in, Settings settings, Sink sink) throws IOException {
    int lineNo = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      try {
        LocatedJson root;
        try {
          root = LocatedJson.parse(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        } catch (LocatedJson.Malformed m) {
          throw new ExportProblem(ProductExportException.MALFORMED, 1, m.column, "not a well-formed JSON line: " + m.getMessage(), null);
        }
        Read r = event(root, settings);
        if (r == null) {
          sink.identity();
        } else {
          sink.event(r);
        }
      } catch (ExportProblem p) {
        sink.bad(new ExportProblem(p.code, lineNo + Math.max(0, p.line - 1), p.column, p.getMessage(), p.hint));
      }
    }
  }

  /** One event; null for an identity call. */
  static @Nullable Read event(LocatedJson e, Settings s) {
    if (!e.isObject()) {
      throw new ExportProblem(ProductExportException.UNKNOWN_FORMAT, e, "a line is " + e.typeName() + ", not an event", null);
    }
    if (e.has("event_type")) {
      return amplitude(e, s);
    }
    if (e.has("event") || e.has("distinct_id")) {
      return postHog(e, s);
    }
    throw new ExportProblem(ProductExportException.UNKNOWN_FORMAT, e,
        "neither a PostHog event (event, distinct_id) nor an Amplitude event (event_type)", null);
  }

  private static @Nullable Read postHog(LocatedJson e, Settings s) {
    String name = required(e, "event", "a PostHog event");
    String user = required(e, "distinct_id", "a PostHog event");
    LocatedJson time = e.get("timestamp");
    Instant at = time(time, "timestamp", "a PostHog event");
    if (IDENTITY.contains(name)) {
      return null;
    }
    LocatedJson props = e.get("properties");
    if (!props.isAbsent() && !props.isObject()) {
      throw new ExportProblem(ProductExportException.MISSING, props, "properties is " + props.typeName() + ", not an object", null);
    }
    String session = text(props.get("$session_id"));
    String account = text(props.get("$groups").get(s.accountGroup()));
    if (account == null && s.accountProperty() != null) {
      account = text(props.get(s.accountProperty()));
    }
    String feature = s.featureProperty() == null ? null : text(props.get(s.featureProperty()));
    return read(at, user, account, session, name, feature, text(e.get("uuid")), "PostHog", s);
  }

  private static @Nullable Read amplitude(LocatedJson e, Settings s) {
    String name = required(e, "event_type", "an Amplitude event");
    String user = text(e.get("user_id"));
    String device = text(e.get("device_id"));
    if (user == null && device == null) {
      throw new ExportProblem(ProductExportException.MISSING, e, "an Amplitude event has neither user_id nor device_id", null);
    }
    Instant at = time(e.get("event_time"), "event_time", "an Amplitude event");
    if (IDENTITY.contains(name)) {
      return null;
    }
    LocatedJson sessionId = e.get("session_id");
    String session = null;
    if (!sessionId.isAbsent()) {
      BigDecimal n = sessionId.number();
      if (n == null) {
        throw new ExportProblem(ProductExportException.MISSING, sessionId, "session_id is " + sessionId.typeName() + ", not a number", null);
      }
      if (n.signum() >= 0) {
        // Amplitude's session id is the session's start in epoch milliseconds, per device: qualified by who had it.
        session = (device != null ? device : user) + "/" + n.toPlainString();
      }
    }
    LocatedJson group = e.get("groups").get(s.accountGroup());
    String account = group.isArray() ? (group.items().isEmpty() ? null : text(group.items().get(0))) : text(group);
    LocatedJson props = e.get("event_properties");
    if (account == null && s.accountProperty() != null) {
      account = text(props.get(s.accountProperty()));
      if (account == null) {
        account = text(e.get("user_properties").get(s.accountProperty()));
      }
    }
    String feature = s.featureProperty() == null ? null : text(props.get(s.featureProperty()));
    return read(at, user != null ? user : device, account, session, name, feature, text(e.get("insert_id")), "Amplitude", s);
  }

  private static Read read(Instant at, String user, @Nullable String account, @Nullable String session, String name,
      @Nullable String feature, @Nullable String id, String tool, Settings s) {
    String event = name.equals(s.signupEvent()) ? "signup" : name;
    // Without a session id, a user's events of one UTC day are one session.
    String sessionId = session != null ? session : user + "/" + at.atOffset(ZoneOffset.UTC).toLocalDate();
    return new Read(new ProductEvent(at, user, account != null ? account : Settings.NO_ACCOUNT, sessionId, event, feature),
        id == null ? null : tool + ":" + id, tool, account == null);
  }

  private static String required(LocatedJson e, String field, String what) {
    LocatedJson v = e.get(field);
    String s = text(v);
    if (s == null) {
      throw new ExportProblem(ProductExportException.MISSING, v.isAbsent() ? e : v,
          what + " has no " + field + (v.isAbsent() ? "" : " (it is " + v.typeName() + ")"), null);
    }
    return s;
  }

  /** A text or number that is not blank, stripped; null otherwise. */
  private static @Nullable String text(LocatedJson v) {
    String s = v.scalar();
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A time with an offset, or without one in UTC ({@code 2026-11-02 08:00:00.123000}), as both tools write UTC. */
  static Instant time(LocatedJson v, String field, String what) {
    String s = v.text();
    if (s == null) {
      throw new ExportProblem(ProductExportException.MISSING, v, what + " has no " + field
          + (v.isAbsent() ? "" : " (it is " + v.typeName() + ", not a time)"), null);
    }
    String iso = s.strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new ExportProblem(ProductExportException.INVALID, v, field + " '" + s + "' is not an ISO-8601 time", null);
      }
    }
  }
}
