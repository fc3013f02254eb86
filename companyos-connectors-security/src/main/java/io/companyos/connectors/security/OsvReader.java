package io.companyos.connectors.security;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OSV records (the Open Source Vulnerability schema): one record, a list of them, or osv-scanner's JSON
 * output ({@code results[].packages[].vulnerabilities[]}). A record is a finding in each package it affects
 * (osv-scanner: in the package it was found in), detected when it was published (else modified) and
 * resolved when it was withdrawn.
 */
final class OsvReader {
  private OsvReader() {}

  static void readRecords(List<LocatedJson> records, ReadContext ctx) {
    for (LocatedJson r : records) {
      ctx.each(r, x -> readRecord(x, null, null, ctx));
    }
    ctx.format = "OSV";
  }

  static void readScannerOutput(LocatedJson root, ReadContext ctx) {
    for (LocatedJson result : ReadContext.list(root, "results")) {
      for (LocatedJson pkg : ReadContext.list(result, "packages")) {
        String name = pkg.at("package", "name").nonBlank();
        List<LocatedJson> groups = ReadContext.list(pkg, "groups");
        for (LocatedJson r : ReadContext.list(pkg, "vulnerabilities")) {
          ctx.each(r, x -> {
            if (name == null) {
              throw new ExportProblem(SecurityExportException.MISSING, pkg, "package has no package.name", null);
            }
            readRecord(x, name, groupScore(groups, x.get("id").text()), ctx);
          });
        }
      }
    }
    ctx.format = "OSV (osv-scanner)";
  }

  /** osv-scanner's {@code groups[].max_severity} for the group holding {@code id}. */
  private static @Nullable LocatedJson groupScore(List<LocatedJson> groups, @Nullable String id) {
    for (LocatedJson g : groups) {
      for (LocatedJson member : ReadContext.list(g, "ids")) {
        if (id != null && id.equals(member.text()) && g.has("max_severity")) {
          return g.get("max_severity");
        }
      }
    }
    return null;
  }

  private static void readRecord(LocatedJson r, @Nullable String foundIn, @Nullable LocatedJson groupScore, ReadContext ctx) {
    if (!r.isObject()) {
      throw new ExportProblem(SecurityExportException.MISSING, r, "an OSV record is an object, not " + r.typeName(), null);
    }
    String id = ReadContext.requireText(r, "id", "OSV record");
    String cve = ReadContext.cveIn(id);
    for (LocatedJson alias : ReadContext.list(r, "aliases")) {
      if (cve == null) {
        cve = ReadContext.cveIn(alias.text());
      }
    }
    String severity = severity(r, groupScore);
    String title = ReadContext.firstLine(r.get("summary").text());
    if (title == null) {
      title = ReadContext.firstLine(r.get("details").text());
    }
    Instant detected = ReadContext.time(r.get("published"), "published");
    if (detected == null) {
      detected = ReadContext.time(r.get("modified"), "modified");
    }
    if (detected == null) {
      throw new ExportProblem(SecurityExportException.NO_TIME, r, id + " has neither published nor modified", null);
    }
    Instant withdrawn = ReadContext.time(r.get("withdrawn"), "withdrawn");
    if (withdrawn != null && withdrawn.isBefore(detected)) {
      detected = withdrawn;
    }
    Set<String> packages = new LinkedHashSet<>();
    if (foundIn != null) {
      packages.add(foundIn);
    } else {
      for (LocatedJson a : ReadContext.list(r, "affected")) {
        String name = ReadContext.purlName(a.at("package", "purl").nonBlank());
        if (name == null) {
          name = a.at("package", "name").nonBlank();
        }
        if (name != null) {
          packages.add(name);
        }
      }
    }
    if (packages.isEmpty()) {
      throw new ExportProblem(SecurityExportException.MISSING, r.get("affected").isAbsent() ? r : r.get("affected"),
          id + " names no affected package", "list affected[].package.name");
    }
    for (String p : packages) {
      ctx.add(id, cve, severity, p, title != null ? title : id, detected, withdrawn, r);
    }
  }

  /**
   * osv-scanner's group score, then {@code database_specific.severity} (the GitHub advisory database's word),
   * then the record's CVSS 3 vectors (the worst), then the affected entries' {@code database_specific} or
   * {@code ecosystem_specific} severity words.
   */
  private static @Nullable String severity(LocatedJson r, @Nullable LocatedJson groupScore) {
    if (groupScore != null) {
      String s = ReadContext.scoreBand(groupScore, "groups[].max_severity");
      if (s != null) {
        return s;
      }
    }
    String s = Severity.fromWord(r.at("database_specific", "severity").text());
    if (s != null) {
      return s;
    }
    for (LocatedJson sev : ReadContext.list(r, "severity")) {
      String type = sev.get("type").nonBlank();
      if ("CVSS_V3".equals(type)) {
        s = Severity.worse(s, ReadContext.vectorBand(sev.get("score"), "severity[].score"));
      } else if ("Ubuntu".equals(type)) {
        s = Severity.worse(s, Severity.fromWord(sev.get("score").text()));
      }
    }
    if (s != null) {
      return s;
    }
    for (LocatedJson a : ReadContext.list(r, "affected")) {
      s = Severity.worse(s, Severity.fromWord(a.at("database_specific", "severity").text()));
      s = Severity.worse(s, Severity.fromWord(a.at("ecosystem_specific", "severity").text()));
    }
    return s;
  }
}
