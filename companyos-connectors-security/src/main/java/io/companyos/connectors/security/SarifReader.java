package io.companyos.connectors.security;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * SARIF 2.1.0, from any scanner (Trivy, grype, osv-scanner, CodeQL, ...): each result of kind {@code fail}
 * (the default) is a finding of its rule.
 */
final class SarifReader {
  private static final Set<String> NOT_FINDINGS = Set.of("pass", "notApplicable", "informational");

  private SarifReader() {}

  static void read(LocatedJson root, ReadContext ctx) {
    LocatedJson version = root.get("version");
    if (!"2.1.0".equals(version.text())) {
      throw new ExportProblem(SecurityExportException.UNKNOWN_FORMAT, version, "SARIF version "
          + (version.isAbsent() ? "missing" : "'" + (version.text() != null ? version.text() : version.typeName()) + "'")
          + ": only 2.1.0 is read", "export SARIF 2.1.0 from the scanner");
    }
    LocatedJson runs = root.get("runs");
    if (!runs.isArray()) {
      throw new ExportProblem(SecurityExportException.MISSING, runs, "a SARIF log needs a list of runs", null);
    }
    Set<String> tools = new TreeSet<>();
    for (LocatedJson run : runs.items()) {
      String tool = run.at("tool", "driver", "name").nonBlank();
      if (tool == null) {
        throw new ExportProblem(SecurityExportException.MISSING, run.at("tool", "driver"), "run has no tool.driver.name", null);
      }
      tools.add(tool);
      readRun(run, tool, ctx);
    }
    ctx.format = "SARIF 2.1.0" + (tools.isEmpty() ? "" : ", " + String.join(", ", tools));
  }

  private static void readRun(LocatedJson run, String tool, ReadContext ctx) {
    Map<String, LocatedJson> rules = new HashMap<>();
    List<LocatedJson> driverRules = ReadContext.list(run.at("tool", "driver"), "rules");
    for (LocatedJson ext : ReadContext.list(run.get("tool"), "extensions")) {
      for (LocatedJson r : ReadContext.list(ext, "rules")) {
        String id = r.get("id").nonBlank();
        if (id != null) {
          rules.putIfAbsent(id, r);
        }
      }
    }
    for (LocatedJson r : driverRules) {
      String id = r.get("id").nonBlank();
      if (id != null) {
        rules.put(id, r);
      }
    }
    // The report's time: the latest end of its invocations (their start when none ended).
    Instant reportTime = null;
    for (LocatedJson inv : ReadContext.list(run, "invocations")) {
      Instant t = ReadContext.time(inv.get("endTimeUtc"), "endTimeUtc");
      if (t == null) {
        t = ReadContext.time(inv.get("startTimeUtc"), "startTimeUtc");
      }
      if (t != null && (reportTime == null || t.isAfter(reportTime))) {
        reportTime = t;
      }
    }
    if (reportTime != null) {
      ctx.reportTimes.add(reportTime);
    }
    Instant when = reportTime;
    for (LocatedJson result : ReadContext.list(run, "results")) {
      ctx.each(result, r -> readResult(r, tool, rules, driverRules, when, ctx));
    }
  }

  private static void readResult(LocatedJson r, String tool, Map<String, LocatedJson> rules, List<LocatedJson> driverRules,
      @Nullable Instant reportTime, ReadContext ctx) {
    String kind = r.get("kind").nonBlank();
    if (kind != null && NOT_FINDINGS.contains(kind)) {
      return;
    }
    LocatedJson rule = null;
    String ruleId = r.get("ruleId").nonBlank();
    if (ruleId == null) {
      ruleId = r.at("rule", "id").nonBlank();
    }
    LocatedJson index = r.get("ruleIndex").isAbsent() ? r.at("rule", "index") : r.get("ruleIndex");
    if (index.number() != null && index.number().intValue() >= 0 && index.number().intValue() < driverRules.size()) {
      rule = driverRules.get(index.number().intValue());
      if (ruleId == null) {
        ruleId = rule.get("id").nonBlank();
      }
    }
    if (ruleId == null) {
      throw new ExportProblem(SecurityExportException.MISSING, r, "result has no ruleId", null);
    }
    if (rule == null) {
      rule = rules.get(ruleId);
    }
    LocatedJson ruleOrNone = rule != null ? rule : r.get("rule");

    // security-severity (a CVSS score, on the result or its rule) decides; the level only when there is none.
    LocatedJson score = r.at("properties", "security-severity");
    if (score.isAbsent()) {
      score = ruleOrNone.at("properties", "security-severity");
    }
    String severity;
    if (!score.isAbsent()) {
      severity = ReadContext.scoreBand(score, "properties.security-severity");
    } else {
      String level = r.get("level").nonBlank();
      if (level == null) {
        level = ruleOrNone.at("defaultConfiguration", "level").nonBlank();
      }
      severity = level(level == null ? "warning" : level, r.get("level").isAbsent() ? r : r.get("level"));
    }

    String component = component(r, tool);
    String title = ReadContext.firstLine(ruleOrNone.at("shortDescription", "text").text());
    if (title == null) {
      title = ReadContext.firstLine(r.at("message", "text").text());
    }
    Instant detected = ReadContext.time(r.at("provenance", "firstDetectionTimeUtc"), "provenance.firstDetectionTimeUtc");
    if (detected == null) {
      detected = reportTime;
    }
    if (detected == null) {
      throw new ExportProblem(SecurityExportException.NO_TIME, r, ruleId + " has no detection time and the run no invocation time",
          "add invocations[].endTimeUtc to the run (or provenance.firstDetectionTimeUtc to the result)");
    }
    Instant resolved = null;
    if (fixed(r)) {
      resolved = reportTime != null && !reportTime.isBefore(detected) ? reportTime : detected;
    }
    ctx.add(ruleId, ReadContext.cveIn(ruleId), severity, component, title != null ? title : ruleId, detected, resolved, r);
  }

  /** Fixed or accepted: absent from the run its baseline came from, or suppressed (a suppression without status is in force). */
  private static boolean fixed(LocatedJson r) {
    if ("absent".equals(r.get("baselineState").text())) {
      return true;
    }
    for (LocatedJson s : ReadContext.list(r, "suppressions")) {
      String status = s.get("status").nonBlank();
      if (status == null || status.equals("accepted")) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String level(String level, LocatedJson at) {
    return switch (level) {
      case "error" -> "high";
      case "warning" -> "medium";
      case "note" -> "low";
      case "none" -> null;
      default -> throw new ExportProblem(SecurityExportException.INVALID, at,
          "level '" + level + "' is none of error, warning, note, none", null);
    };
  }

  /** The first location's logical name, else its file; else the tool (a result without location). */
  private static String component(LocatedJson r, String tool) {
    for (LocatedJson loc : ReadContext.list(r, "locations")) {
      for (LocatedJson logical : ReadContext.list(loc, "logicalLocations")) {
        String name = logical.get("fullyQualifiedName").nonBlank();
        if (name == null) {
          name = logical.get("name").nonBlank();
        }
        if (name != null) {
          return name;
        }
      }
      String uri = loc.at("physicalLocation", "artifactLocation", "uri").nonBlank();
      if (uri != null) {
        return uri;
      }
    }
    return tool;
  }
}
