package io.companyos.connectors.security;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.LocatedJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What a format reader writes into while reading one export: findings, skipped ones, and helpers to read fields. */
final class ReadContext {
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}", Pattern.CASE_INSENSITIVE);

  final String file;
  private final ExportReading.FileEntries entries;
  private final long fileOrder;
  final List<Finding> findings = new ArrayList<>();
  final List<Instant> reportTimes = new ArrayList<>();
  /** What the provenance calls the format, e.g. "SARIF 2.1.0, Trivy". */
  String format = "";

  ReadContext(ExportReading.FileEntries entries) {
    this.file = entries.name();
    this.entries = entries;
    this.fileOrder = entries.order();
  }

  /** Reads one finding; in lenient mode a problem skips it, in strict mode it stops the read. */
  void each(LocatedJson item, Consumer<LocatedJson> read) {
    entries.each(item, read);
  }

  void add(String id, @Nullable String cve, @Nullable String severity, String component, String title,
      Instant detectedAt, @Nullable Instant resolvedAt, LocatedJson at) {
    if (resolvedAt != null && resolvedAt.isBefore(detectedAt)) {
      throw new ExportProblem(SecurityExportException.INVALID, at,
          id + " in " + component + " is resolved (" + resolvedAt + ") before it was detected (" + detectedAt + ")", null);
    }
    findings.add(new Finding(id, cve, severity, component, title, detectedAt, resolvedAt, file,
        fileOrder * 1_000_000L + findings.size()));
  }

  /** A time written as ISO-8601 with an offset ({@code 2026-03-01T10:22:33.123456789+01:00}); null when absent. */
  static @Nullable Instant time(LocatedJson v, String field) {
    if (v.isAbsent()) {
      return null;
    }
    String s = v.text();
    if (s == null) {
      throw new ExportProblem(SecurityExportException.MISSING, v, field + " is " + v.typeName() + ", not a time", null);
    }
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ExportProblem(SecurityExportException.INVALID, v,
          field + " '" + s + "' is not an ISO-8601 time with offset", "write it as 2026-03-01T10:22:33Z");
    }
  }

  /** A text field the format requires. */
  static String requireText(LocatedJson parent, String name, String what) {
    LocatedJson v = parent.get(name);
    String s = v.nonBlank();
    if (s == null) {
      throw new ExportProblem(SecurityExportException.MISSING, v,
          what + " has no " + name + (v.isAbsent() ? "" : " (it is " + v.typeName() + ")"), null);
    }
    return s;
  }

  /** A list field; absent or null is an empty list, anything but a list is a problem. */
  static List<LocatedJson> list(LocatedJson parent, String name) {
    LocatedJson v = parent.get(name);
    if (v.isAbsent()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new ExportProblem(SecurityExportException.MISSING, v, name + " is " + v.typeName() + ", not a list", null);
    }
    return v.items();
  }

  /** The band of a CVSS score written as a number or as text; a score outside 0–10 is a problem. */
  static @Nullable String scoreBand(LocatedJson v, String field) {
    BigDecimal score = v.number();
    if (score == null) {
      if (!v.isAbsent()) {
        throw new ExportProblem(SecurityExportException.INVALID, v, field + " '" + (v.text() != null ? v.text() : v.typeName())
            + "' is not a CVSS score", null);
      }
      return null;
    }
    try {
      return Severity.fromScore(score);
    } catch (IllegalArgumentException e) {
      throw new ExportProblem(SecurityExportException.INVALID, v, field + ": " + e.getMessage(), null);
    }
  }

  /** The band of a CVSS 3 vector's base score. */
  static @Nullable String vectorBand(LocatedJson v, String field) {
    String s = v.nonBlank();
    if (s == null) {
      return null;
    }
    try {
      return Severity.fromScore(Cvss3.baseScore(s));
    } catch (IllegalArgumentException e) {
      throw new ExportProblem(SecurityExportException.INVALID, v, field + ": " + e.getMessage(), null);
    }
  }

  /** The first CVE id in {@code text}, upper case; null when there is none. */
  static @Nullable String cveIn(@Nullable String text) {
    if (text == null) {
      return null;
    }
    Matcher m = CVE.matcher(text);
    return m.find() ? m.group().toUpperCase(Locale.ROOT) : null;
  }

  /** The first line of {@code text}, stripped and at most 200 characters; null when blank. */
  static @Nullable String firstLine(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String line = text.strip().lines().findFirst().orElse("").strip();
    return line.length() > 200 ? line.substring(0, 199) + "…" : line;
  }

  /**
   * The package a purl names, as the package managers write it: {@code group:artifact} for Maven,
   * {@code namespace/name} for the others ({@code @babel/core}, {@code golang.org/x/net}), the name alone
   * without a namespace. Null when {@code purl} is not a purl.
   */
  static @Nullable String purlName(@Nullable String purl) {
    if (purl == null || !purl.startsWith("pkg:")) {
      return null;
    }
    String rest = purl.substring(4);
    int cut = rest.length();
    for (char c : new char[] {'@', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    rest = rest.substring(0, cut);
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
    String path = decode(rest.substring(slash + 1));
    int last = path.lastIndexOf('/');
    if (last < 0) {
      return path;
    }
    return type.equals("maven") ? path.substring(0, last).replace('/', '.') + ":" + path.substring(last + 1) : path;
  }

  private static String decode(String s) {
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
