package io.companyos.model;

import io.companyos.model.check.HealthChecks;
import io.companyos.model.org.Dashboard;
import io.companyos.model.org.RaciMatrix;
import io.companyos.model.org.RhythmKpi;
import io.companyos.model.org.Roles;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.rhythm.Rhythm;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a company configures about its operating rhythm, loaded and cross-checked together:
 * the roles, the rhythm of meetings, the meeting packs, the automated health checks, the RACI
 * matrix, the dashboards, the rhythm KPIs and the health model's weights. Renderers and schedulers
 * take this one value.
 *
 * @param packs the meeting packs, ordered by id
 * @param healthModel dimension and KPI weights and status bands of the composite health score
 * @param slos the company's SLOs read from OpenSLO, Sloth or Pyrra specs (the folder's {@code slos/} and the
 *     {@code slos:} entry of sources.yaml); {@link io.companyos.model.slo.specs.SloSpecs#NONE} when it has none
 * @param recommendationRules the rules that turn numbers into recommendations: the built-in
 *     {@code recommendations.yaml} with the company's rules laid over it by id
 */
public record CompanyDefinition(
    @Valid Roles roles,
    @Valid Rhythm rhythm,
    List<@Valid PackDefinition> packs,
    @Valid HealthChecks healthChecks,
    @Valid RaciMatrix raci,
    List<@Valid Dashboard> dashboards,
    List<@Valid RhythmKpi> kpis,
    io.companyos.model.health.HealthModelWeights healthModel,
    io.companyos.model.slo.specs.SloSpecs slos,
    io.companyos.model.recommend.RecommendationRules recommendationRules) {

  public CompanyDefinition {
    Objects.requireNonNull(recommendationRules, "recommendationRules");
    Objects.requireNonNull(healthModel, "healthModel");
    Objects.requireNonNull(slos, "slos");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(rhythm, "rhythm");
    Objects.requireNonNull(healthChecks, "healthChecks");
    Objects.requireNonNull(raci, "raci");
    packs = List.copyOf(packs);
    dashboards = List.copyOf(dashboards);
    kpis = List.copyOf(kpis);
  }

  /** A definition with the built-in recommendation rules. */
  public CompanyDefinition(Roles roles, Rhythm rhythm, List<PackDefinition> packs, HealthChecks healthChecks,
      RaciMatrix raci, List<Dashboard> dashboards, List<RhythmKpi> kpis, io.companyos.model.health.HealthModelWeights healthModel,
      io.companyos.model.slo.specs.SloSpecs slos) {
    this(roles, rhythm, packs, healthChecks, raci, dashboards, kpis, healthModel, slos,
        BuiltinDefinitions.load().recommendationRules());
  }

  /** This definition with {@code rules} as its recommendation rules. */
  public CompanyDefinition withRecommendationRules(io.companyos.model.recommend.RecommendationRules rules) {
    return new CompanyDefinition(roles, rhythm, packs, healthChecks, raci, dashboards, kpis, healthModel, slos, rules);
  }

  /** A definition without SLO specs. */
  public CompanyDefinition(Roles roles, Rhythm rhythm, List<PackDefinition> packs, HealthChecks healthChecks,
      RaciMatrix raci, List<Dashboard> dashboards, List<RhythmKpi> kpis, io.companyos.model.health.HealthModelWeights healthModel) {
    this(roles, rhythm, packs, healthChecks, raci, dashboards, kpis, healthModel, io.companyos.model.slo.specs.SloSpecs.NONE);
  }

  /** This definition with {@code more} SLOs added to its own (names must stay unique). */
  public CompanyDefinition withSlos(io.companyos.model.slo.specs.SloSpecs more) {
    if (more.slos().isEmpty() && more.warnings().isEmpty()) {
      return this;
    }
    List<io.companyos.model.slo.SloSpec> all = new java.util.ArrayList<>(slos.slos());
    all.addAll(more.slos());
    List<String> warnings = new java.util.ArrayList<>(slos.warnings());
    warnings.addAll(more.warnings());
    return new CompanyDefinition(roles, rhythm, packs, healthChecks, raci, dashboards, kpis, healthModel,
        new io.companyos.model.slo.specs.SloSpecs(all, warnings), recommendationRules);
  }

  /** A definition with the built-in health model. */
  public CompanyDefinition(Roles roles, Rhythm rhythm, List<PackDefinition> packs, HealthChecks healthChecks,
      RaciMatrix raci, List<Dashboard> dashboards, List<RhythmKpi> kpis) {
    this(roles, rhythm, packs, healthChecks, raci, dashboards, kpis, BuiltinDefinitions.load().healthModel());
  }

  /** The pack with {@code id} (its file stem), if defined. */
  public Optional<PackDefinition> pack(String id) {
    return packs.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * The pack a user means by {@code key}: its id (the file stem, e.g. {@code ops-review} or
   * {@code ops-review.yaml}), else its {@code name} compared without regard to case (e.g.
   * {@code "Weekly Ops Review"}).
   */
  public Optional<PackDefinition> findPack(String key) {
    String k = key.strip();
    String stem = k.replaceFirst("\\.ya?ml$", "");
    Optional<PackDefinition> byId = pack(stem);
    if (byId.isPresent()) {
      return byId;
    }
    return packs.stream().filter(p -> p.name().equalsIgnoreCase(k)).findFirst();
  }

  /** All pack ids in order. */
  public List<String> packIds() {
    return packs.stream().map(PackDefinition::id).toList();
  }

  /** The dashboard with {@code id}, if defined. */
  public Optional<Dashboard> dashboard(String id) {
    return dashboards.stream().filter(d -> d.id().equals(id)).findFirst();
  }
}
