package io.companyos.site;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.RaciActivity;
import io.companyos.model.org.RaciAssignment;
import io.companyos.model.org.RaciMatrix;
import io.companyos.model.org.Role;
import io.companyos.model.rhythm.Meeting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's responsibilities matrix rendered from the model, with the checks that loading alone does
 * not make: every activity has someone responsible, names a meeting the rhythm has, and is owned by a
 * role that is responsible or accountable for it; every meeting has a row. Loading already rejects a
 * row without exactly one accountable role and unknown roles.
 */
public final class RaciPage {
  /** How serious a finding is: an error means the matrix cannot be followed as written. */
  public enum Level { ERROR, WARNING }

  /** One finding of {@link #check}. */
  public record Check(Level level, String activity, String message) {}

  private RaciPage() {}

  /** The findings for {@code company}'s matrix and rhythm, errors first, in matrix order. */
  public static List<Check> check(CompanyDefinition company) {
    List<Check> errors = new ArrayList<>();
    List<Check> warnings = new ArrayList<>();
    RaciMatrix raci = company.raci();
    for (RaciActivity a : raci.activities()) {
      if (a.responsible().isEmpty()) {
        errors.add(new Check(Level.ERROR, a.activity(), "no role is responsible (R or R/A)"));
      }
      if (a.meeting() == null) {
        continue;
      }
      Meeting m = company.rhythm().meeting(a.meeting()).orElse(null);
      if (m == null) {
        errors.add(new Check(Level.ERROR, a.activity(), "names meeting '" + a.meeting() + "', which the rhythm does not have"));
        continue;
      }
      boolean ownerAnswers = a.assignments().entrySet().stream()
          .filter(e -> e.getValue() != RaciAssignment.C && e.getValue() != RaciAssignment.I)
          .anyMatch(e -> company.roles().allows(List.of(e.getKey()), m.owner()));
      if (!ownerAnswers) {
        warnings.add(new Check(Level.WARNING, a.activity(), "the meeting's owner '" + m.owner()
            + "' is neither responsible nor accountable for it"));
      }
    }
    for (Meeting m : company.rhythm().meetings()) {
      if (raci.forMeeting(m.id()).isEmpty()) {
        warnings.add(new Check(Level.WARNING, m.name(), "meeting '" + m.id() + "' has no RACI row"));
      }
    }
    errors.addAll(warnings);
    return errors;
  }

  /** The matrix as the seed's Markdown table (R, A and R/A in bold), its legend and the checks. */
  public static String markdown(CompanyDefinition company) {
    RaciMatrix raci = company.raci();
    List<String> names = columnNames(company);
    StringBuilder md = new StringBuilder("## Responsibilities Matrix (RACI)\n\n| Activity |");
    names.forEach(n -> md.append(' ').append(SiteTemplates.cell(n)).append(" |"));
    md.append("\n|----------|");
    names.forEach(n -> md.append("-----|"));
    md.append('\n');
    for (RaciActivity a : raci.activities()) {
      md.append("| ").append(SiteTemplates.cell(a.activity())).append(" |");
      for (String role : raci.roles()) {
        String symbol = a.assignment(role).map(RaciAssignment::symbol).orElse("");
        boolean strong = a.assignment(role).map(x -> x.accountable() || x.responsible()).orElse(false);
        md.append(' ').append(strong ? "**" + symbol + "**" : symbol).append(" |");
      }
      md.append('\n');
    }
    md.append("\n**Legend**: R = Responsible, A = Accountable, C = Consulted, I = Informed\n\n### Checks\n\n");
    List<Check> checks = check(company);
    if (checks.isEmpty()) {
      md.append("- No findings: every activity has one accountable and at least one responsible role, "
          + "and every meeting has a row.\n");
    }
    for (Check c : checks) {
      md.append("- ").append(c.level()).append(": ").append(c.activity()).append(": ").append(c.message()).append('\n');
    }
    return md.toString();
  }

  /** The same page as HTML, standalone (opens from disk). */
  public static String html(CompanyDefinition company) {
    return SiteTemplates.html("raci.ftlh", model(company, ""));
  }

  static Map<String, Object> model(CompanyDefinition company, String rootPath) {
    RaciMatrix raci = company.raci();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RaciActivity a : raci.activities()) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (String role : raci.roles()) {
        RaciAssignment x = a.assignment(role).orElse(null);
        cells.add(Map.of("symbol", x == null ? "" : x.symbol(),
            "strong", x != null && (x.accountable() || x.responsible())));
      }
      rows.add(Map.of("activity", a.activity(), "cells", cells));
    }
    List<Map<String, Object>> checks = check(company).stream()
        .map(c -> Map.<String, Object>of("level", c.level().name(), "activity", c.activity(), "message", c.message()))
        .toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("root", rootPath);
    model.put("columns", columnNames(company));
    model.put("rows", rows);
    model.put("checks", checks);
    return model;
  }

  private static List<String> columnNames(CompanyDefinition company) {
    return company.raci().roles().stream()
        .map(id -> company.roles().find(id).map(Role::name).orElse(id)).toList();
  }
}
