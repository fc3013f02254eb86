package io.companyos.connectors.security;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CycloneDX JSON (an SBOM with vulnerabilities, or a VEX document): each vulnerability is a finding in
 * each component it affects; {@code analysis.state} resolved, resolved_with_pedigree, false_positive or
 * not_affected means it is not open there.
 */
final class CycloneDxReader {
  private static final Set<String> NOT_OPEN = Set.of("resolved", "resolved_with_pedigree", "false_positive", "not_affected");
  private static final Set<String> OPEN = Set.of("exploitable", "in_triage");

  private CycloneDxReader() {}

  static void read(LocatedJson root, ReadContext ctx) {
    String spec = root.get("specVersion").nonBlank();
    Instant reportTime = ReadContext.time(root.at("metadata", "timestamp"), "metadata.timestamp");
    if (reportTime != null) {
      ctx.reportTimes.add(reportTime);
    }
    Map<String, String> names = new HashMap<>();
    collect(root.at("metadata", "component"), names);
    for (LocatedJson c : ReadContext.list(root, "components")) {
      collect(c, names);
    }
    String subject = names.get("\u0000metadata");
    boolean vex = false;
    for (LocatedJson v : ReadContext.list(root, "vulnerabilities")) {
      vex |= v.has("analysis");
      ctx.each(v, x -> readVulnerability(x, names, subject, reportTime, ctx));
    }
    ctx.format = "CycloneDX" + (spec != null ? " " + spec : "") + (vex ? " VEX" : "");
  }

  /** Maps each component's bom-ref to the package it names (nested components too). */
  private static void collect(LocatedJson c, Map<String, String> names) {
    if (!c.isObject()) {
      return;
    }
    String name = name(c);
    String ref = c.get("bom-ref").nonBlank();
    if (name != null && ref != null) {
      names.putIfAbsent(ref, name);
    }
    if (name != null && !names.containsKey("\u0000metadata")) {
      names.put("\u0000metadata", name);
    }
    for (LocatedJson child : ReadContext.list(c, "components")) {
      collect(child, names);
    }
  }

  private static @Nullable String name(LocatedJson c) {
    String fromPurl = ReadContext.purlName(c.get("purl").nonBlank());
    if (fromPurl != null) {
      return fromPurl;
    }
    String name = c.get("name").nonBlank();
    String group = c.get("group").nonBlank();
    return name == null ? null : group != null ? group + "/" + name : name;
  }

  private static void readVulnerability(LocatedJson v, Map<String, String> names, @Nullable String subject,
      @Nullable Instant reportTime, ReadContext ctx) {
    String id = ReadContext.requireText(v, "id", "vulnerability");
    String cve = ReadContext.cveIn(id);
    for (LocatedJson ref : ReadContext.list(v, "references")) {
      if (cve == null) {
        cve = ReadContext.cveIn(ref.get("id").text());
      }
    }
    String severity = null;
    for (LocatedJson rating : ReadContext.list(v, "ratings")) {
      String s = Severity.fromWord(rating.get("severity").text());
      if (s == null) {
        s = ReadContext.scoreBand(rating.get("score"), "ratings[].score");
      }
      severity = Severity.worse(severity, s);
    }
    String title = ReadContext.firstLine(v.get("description").text());
    if (title == null) {
      title = ReadContext.firstLine(v.get("detail").text());
    }
    if (reportTime == null) {
      throw new ExportProblem(SecurityExportException.NO_TIME, v, id + ": the document has no metadata.timestamp to date it by",
          "add metadata.timestamp (when the BOM or VEX was written)");
    }
    LocatedJson analysis = v.get("analysis");
    String state = analysis.get("state").nonBlank();
    Instant resolved = null;
    if (state != null) {
      if (NOT_OPEN.contains(state)) {
        resolved = ReadContext.time(analysis.get("lastUpdated"), "analysis.lastUpdated");
        if (resolved == null) {
          resolved = ReadContext.time(analysis.get("firstIssued"), "analysis.firstIssued");
        }
        if (resolved == null) {
          resolved = reportTime;
        }
      } else if (!OPEN.contains(state)) {
        throw new ExportProblem(SecurityExportException.INVALID, analysis.get("state"), "analysis.state '" + state
            + "' is none of resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected", null);
      }
    }
    Set<String> components = new LinkedHashSet<>();
    for (LocatedJson a : ReadContext.list(v, "affects")) {
      String ref = ReadContext.requireText(a, "ref", "affects entry");
      String name = names.get(ref);
      if (name == null) {
        name = ReadContext.purlName(ref);
      }
      components.add(name != null ? name : ref);
    }
    if (components.isEmpty()) {
      if (subject == null) {
        throw new ExportProblem(SecurityExportException.MISSING, v, id + " affects no component", "list the affected bom-refs in affects[]");
      }
      components.add(subject);
    }
    // A statement dated before the document closed the finding then: it is dated (detected and resolved) by it.
    Instant detected = resolved != null && resolved.isBefore(reportTime) ? resolved : reportTime;
    for (String component : components) {
      ctx.add(id, cve, severity, component, title != null ? title : id, detected, resolved, v);
    }
  }
}
