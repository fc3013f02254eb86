package io.companyos.model.config;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of definition file, each with its conventional file name and the top-level key that
 * identifies it when the file is named otherwise.
 */
public enum DefinitionKind {
  PACK(null, "sections"),
  HEALTH_CHECKS("health-checks.yaml", "health_checks"),
  RHYTHM("rhythm.yaml", "meetings"),
  ROLES("roles.yaml", "roles"),
  RACI("raci.yaml", "raci"),
  DASHBOARDS("dashboards.yaml", "dashboards"),
  KPIS("kpis.yaml", "kpis"),
  HEALTH_MODEL("health-model.yaml", "health_model"),
  SOURCES("sources.yaml", "sources"),
  RECOMMENDATIONS("recommendations.yaml", "recommendation_rules");

  /** The directory holding one file per pack, named {@code <pack-id>.yaml}. */
  public static final String PACK_DIRECTORY = "meeting-packs";
  private static final List<String> PACK_KEYS = List.of("sections", "schedule", "recipients", "delivery", "meeting");

  private final String fileName;
  private final String topLevelKey;

  DefinitionKind(String fileName, String topLevelKey) {
    this.fileName = fileName;
    this.topLevelKey = topLevelKey;
  }

  /** The conventional file name; empty for packs, which are named after their id. */
  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  /** The top-level key that identifies the kind. */
  public String topLevelKey() {
    return topLevelKey;
  }

  /**
   * The kind of a file: by its top-level keys first, then by its file name, then by its directory
   * ({@code meeting-packs/}).
   */
  public static Optional<DefinitionKind> detect(String fileName, String parentDirectory, List<String> topLevelKeys) {
    for (DefinitionKind k : values()) {
      if (k != PACK && topLevelKeys.contains(k.topLevelKey)) {
        return Optional.of(k);
      }
    }
    if (topLevelKeys.stream().anyMatch(PACK_KEYS::contains)) {
      return Optional.of(PACK);
    }
    String stem = fileName.replaceFirst("\\.ya?ml$", "");
    for (DefinitionKind k : values()) {
      if (k.fileName != null && stem.equals(k.fileName.replaceFirst("\\.yaml$", ""))) {
        return Optional.of(k);
      }
    }
    if (parentDirectory.equals(PACK_DIRECTORY)) {
      return Optional.of(PACK);
    }
    return Optional.empty();
  }
}
