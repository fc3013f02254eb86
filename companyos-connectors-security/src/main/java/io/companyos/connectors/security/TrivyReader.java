package io.companyos.connectors.security;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Trivy's own JSON report (schema version 2): each {@code Results[].Vulnerabilities[]} entry is an open
 * finding in its package, detected when the report was created ({@code CreatedAt}).
 */
final class TrivyReader {
  private TrivyReader() {}

  static void read(LocatedJson root, ReadContext ctx) {
    LocatedJson version = root.get("SchemaVersion");
    if (version.number() == null || version.number().intValue() != 2) {
      throw new ExportProblem(SecurityExportException.UNKNOWN_FORMAT, version, "Trivy report schema version "
          + (version.isAbsent() ? "missing" : version.number() != null ? version.number().toPlainString() : version.typeName())
          + ": only version 2 is read", "write the report with a Trivy that writes SchemaVersion 2 (0.20 or later)");
    }
    Instant created = ReadContext.time(root.get("CreatedAt"), "CreatedAt");
    if (created != null) {
      ctx.reportTimes.add(created);
    }
    for (LocatedJson result : ReadContext.list(root, "Results")) {
      for (LocatedJson v : ReadContext.list(result, "Vulnerabilities")) {
        ctx.each(v, x -> readVulnerability(x, root, created, ctx));
      }
    }
    ctx.format = "Trivy JSON";
  }

  private static void readVulnerability(LocatedJson v, LocatedJson root, @Nullable Instant created, ReadContext ctx) {
    String id = ReadContext.requireText(v, "VulnerabilityID", "vulnerability");
    String pkg = ReadContext.requireText(v, "PkgName", id);
    String severity = Severity.fromWord(v.get("Severity").text());
    if (severity == null) {
      severity = cvssBand(v.get("CVSS"));
    }
    if (created == null) {
      throw new ExportProblem(SecurityExportException.NO_TIME, root, id + ": the report has no CreatedAt to date it by",
          "write the report with a Trivy that records CreatedAt (0.48 or later)");
    }
    String title = ReadContext.firstLine(v.get("Title").text());
    String installed = v.get("InstalledVersion").nonBlank();
    String fixed = v.get("FixedVersion").nonBlank();
    List<String> versions = new ArrayList<>();
    if (installed != null) {
      versions.add("installed " + installed);
    }
    if (fixed != null) {
      versions.add("fixed in " + fixed);
    }
    String text = (title != null ? title : id) + (versions.isEmpty() ? "" : " (" + String.join(", ", versions) + ")");
    ctx.add(id, ReadContext.cveIn(id), severity, pkg, text, created, null, v);
  }

  /** For {@code Severity: UNKNOWN}: the band of the CVSS 3 score of NVD, else of the first vendor that has one. */
  private static @Nullable String cvssBand(LocatedJson cvss) {
    LocatedJson nvd = cvss.get("nvd");
    if (nvd.has("V3Score")) {
      return ReadContext.scoreBand(nvd.get("V3Score"), "CVSS.nvd.V3Score");
    }
    for (Map.Entry<String, LocatedJson> e : new java.util.TreeMap<>(cvss.members()).entrySet()) {
      if (e.getValue().has("V3Score")) {
        return ReadContext.scoreBand(e.getValue().get("V3Score"), "CVSS." + e.getKey() + ".V3Score");
      }
    }
    return null;
  }
}
