package io.companyos.connectors.incidents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column (CSV) or member (JSON, dots for nested members) of another tool's export holds each field of the
 * incident record; a field not mapped is read from the column of its own name ({@code column.<field>} options).
 */
final class Columns {
  static final List<String> FIELDS = List.of("incident_id", "time_created", "time_resolved", "severity", "service", "title",
      "root_cause_deploy");
  static final List<String> REQUIRED = List.of("incident_id", "time_created", "severity", "service", "title");

  private final Map<String, String> names = new LinkedHashMap<>();

  Columns(Map<String, String> mapped) {
    for (String f : FIELDS) {
      names.put(f, mapped.getOrDefault(f, f));
    }
  }

  /** The column or member that holds {@code field}. */
  String of(String field) {
    return names.get(field);
  }
}
