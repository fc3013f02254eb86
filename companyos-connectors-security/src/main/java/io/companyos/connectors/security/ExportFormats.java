package io.companyos.connectors.security;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import java.util.List;

/** Tells the formats apart by their own marks and hands the document to its reader. */
final class ExportFormats {
  static final String KNOWN = "SARIF 2.1.0, CycloneDX JSON, OSV JSON, Trivy JSON report, Dependabot alerts list";

  private ExportFormats() {}

  static void read(LocatedJson root, ReadContext ctx) {
    if (root.isObject()) {
      String schema = root.get("$schema").text();
      if (root.has("runs") && (root.has("version") || (schema != null && schema.toLowerCase(java.util.Locale.ROOT).contains("sarif")))) {
        SarifReader.read(root, ctx);
        return;
      }
      if ("CycloneDX".equals(root.get("bomFormat").text())) {
        CycloneDxReader.read(root, ctx);
        return;
      }
      if (root.has("SchemaVersion") || (root.has("ArtifactName") && root.get("Results").isArray())) {
        TrivyReader.read(root, ctx);
        return;
      }
      if (root.get("results").isArray() && root.get("results").items().stream()
          .allMatch(r -> r.isObject() && (r.has("packages") || r.has("source")))) {
        OsvReader.readScannerOutput(root, ctx);
        return;
      }
      if (isOsvRecord(root)) {
        OsvReader.readRecords(List.of(root), ctx);
        return;
      }
    } else if (root.isArray()) {
      if (root.items().isEmpty()) {
        ctx.format = "empty list";
        return;
      }
      LocatedJson first = root.items().get(0);
      if (first.has("security_advisory") || (first.has("number") && first.has("dependency"))) {
        DependabotReader.read(root.items(), ctx);
        return;
      }
      if (isOsvRecord(first)) {
        OsvReader.readRecords(root.items(), ctx);
        return;
      }
    }
    throw new ExportProblem(SecurityExportException.UNKNOWN_FORMAT, root,
        "not a vulnerability export this source reads (" + KNOWN + ")", "see docs/connectors.md for the formats and their marks");
  }

  private static boolean isOsvRecord(LocatedJson j) {
    return j.has("id") && (j.has("modified") || j.has("affected") || j.has("schema_version"));
  }
}
