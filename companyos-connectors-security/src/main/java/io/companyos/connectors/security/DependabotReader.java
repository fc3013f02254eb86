package io.companyos.connectors.security;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import java.time.Instant;
import java.util.List;

/**
 * GitHub Dependabot alerts as the REST API lists them (a JSON list of alerts): state open, fixed,
 * dismissed or auto_dismissed; resolved at fixed_at, dismissed_at or auto_dismissed_at.
 */
final class DependabotReader {
  private DependabotReader() {}

  static void read(List<LocatedJson> alerts, ReadContext ctx) {
    for (LocatedJson a : alerts) {
      ctx.each(a, x -> readAlert(x, ctx));
    }
    ctx.format = "Dependabot alerts";
  }

  private static void readAlert(LocatedJson a, ReadContext ctx) {
    LocatedJson advisory = a.get("security_advisory");
    if (!advisory.isObject()) {
      throw new ExportProblem(SecurityExportException.MISSING, advisory, "alert has no security_advisory", null);
    }
    String ghsa = advisory.get("ghsa_id").nonBlank();
    String cve = ReadContext.cveIn(advisory.get("cve_id").nonBlank());
    if (ghsa == null && cve == null) {
      throw new ExportProblem(SecurityExportException.MISSING, advisory, "security_advisory has neither cve_id nor ghsa_id", null);
    }
    String id = cve != null ? cve : ghsa;
    String pkg = ReadContext.requireText(a.at("dependency", "package"), "name", "dependency.package");
    String severity = Severity.fromWord(advisory.get("severity").text());
    if (severity == null) {
      severity = Severity.fromWord(a.at("security_vulnerability", "severity").text());
    }
    if (severity == null) {
      severity = ReadContext.scoreBand(advisory.at("cvss", "score"), "security_advisory.cvss.score");
    }
    Instant created = ReadContext.time(a.get("created_at"), "created_at");
    if (created == null) {
      throw new ExportProblem(SecurityExportException.NO_TIME, a.get("created_at"), id + ": alert has no created_at", null);
    }
    String state = ReadContext.requireText(a, "state", "alert");
    String closedField = switch (state) {
      case "open" -> null;
      case "fixed" -> "fixed_at";
      case "dismissed" -> "dismissed_at";
      case "auto_dismissed" -> "auto_dismissed_at";
      default -> throw new ExportProblem(SecurityExportException.INVALID, a.get("state"),
          "state '" + state + "' is none of open, fixed, dismissed, auto_dismissed", null);
    };
    Instant resolved = null;
    if (closedField != null) {
      resolved = ReadContext.time(a.get(closedField), closedField);
      if (resolved == null) {
        resolved = ReadContext.time(a.get("updated_at"), "updated_at");
      }
      if (resolved == null) {
        throw new ExportProblem(SecurityExportException.MISSING, a, id + ": a " + state + " alert needs " + closedField, null);
      }
    }
    String title = ReadContext.firstLine(advisory.get("summary").text());
    ctx.add(id, cve, severity, pkg, title != null ? title : id, created, resolved, a);
  }
}
