package io.companyos.model;

import io.companyos.model.config.DefinitionLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The definitions that ship with the library: the seed's rhythm (11 entries), its ten meeting packs,
 * the health checks, roles, RACI matrix, dashboards and rhythm KPIs. They work out of the box and
 * are the base a company's own files override.
 */
public final class BuiltinDefinitions {
  /** Ids of the built-in packs; each is {@code companyos/meeting-packs/<id>.yaml}. */
  public static final List<String> PACK_IDS = List.of("daily-standup", "ops-review", "security-standup",
      "product-metrics", "sprint-review", "exec-review", "finops-review", "board-pack", "qbr", "quarterly-planning");

  /** Class-path resource names of every built-in file. */
  public static final List<String> RESOURCES = resources();

  private static final class Holder {
    static final CompanyDefinition DEFINITION = new DefinitionLoader().loadBuiltin();
  }

  private BuiltinDefinitions() {}

  /**
   * The built-in definitions, loaded once and shared (they are immutable).
   *
   * @throws io.companyos.model.config.ConfigException if the shipped resources are broken
   */
  public static CompanyDefinition load() {
    return Holder.DEFINITION;
  }

  private static List<String> resources() {
    List<String> r = new ArrayList<>(List.of("companyos/roles.yaml", "companyos/rhythm.yaml",
        "companyos/health-checks.yaml", "companyos/raci.yaml", "companyos/dashboards.yaml", "companyos/kpis.yaml",
        "companyos/health-model.yaml", "companyos/recommendations.yaml"));
    PACK_IDS.forEach(id -> r.add("companyos/meeting-packs/" + id + ".yaml"));
    return List.copyOf(r);
  }
}
