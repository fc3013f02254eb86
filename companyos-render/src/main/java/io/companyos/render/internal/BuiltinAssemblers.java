package io.companyos.render.internal;

import io.companyos.render.SectionAssembler;
import java.util.List;

/** Every built-in section assembler, one per built-in section type. */
public final class BuiltinAssemblers {
  private BuiltinAssemblers() {}

  /** A fresh list of all built-in assemblers. */
  public static List<SectionAssembler> all() {
    return List.of(
        new StandupSections.HealthSnapshot(),
        new StandupSections.Deploys(),
        new StandupSections.StalePrs(),
        new StandupSections.ScheduledToday(),
        new ReliabilitySections.IncidentSummary(),
        new ReliabilitySections.SloPerformance(),
        new ReliabilitySections.Dora(),
        new ActionItems(),
        new Recommendations(),
        new SecuritySections.VulnerabilitySummary(),
        new SecuritySections.CriticalCves(),
        new SecuritySections.SecurityEvents(),
        new SecuritySections.SecurityPosture(),
        new SecuritySections.PendingReviews(),
        new SecuritySections.PostureSummary(),
        new ProductSections.EngagementSummary(),
        new ProductSections.FeatureAdoption(),
        new ProductSections.CustomerHealth(),
        new ProductSections.TopRequests(),
        new SprintSections.Goals(),
        new SprintSections.Items("completed_work", false),
        new SprintSections.Items("carryover", true),
        new SprintSections.Metrics(),
        new SprintSections.Quality(),
        new LeadershipSections.ExecutiveSummary(),
        new LeadershipSections.DimensionScores(),
        new LeadershipSections.DimensionComparison(),
        new LeadershipSections.QuarterSummary(),
        new LeadershipSections.OkrTable("okr_progress"),
        new LeadershipSections.OkrTable("okr_results"),
        new ReviewLists.Judged("wins", true, false),
        new ReviewLists.Judged("risks", false, false),
        new ReviewLists.Judged("achievements", true, true),
        new ReviewLists.Judged("misses", false, true),
        new ReviewLists.NextQuarterFocus(),
        new ReviewLists.Decisions(),
        new FinOpsSections.CostSummary(),
        new FinOpsSections.Groups("cost_drivers", "service"),
        new FinOpsSections.Groups("team_costs", "team"),
        new CostOpportunities(),
        new ProductOpportunities(),
        new FinOpsSections.ReservedCapacity(),
        new FinOpsSections.CostForecast(),
        new BusinessSections.FinancialSummary(),
        new BusinessSections.CustomerMetrics(),
        new BusinessSections.PlatformHealth(),
        new BusinessSections.PlatformMetrics(),
        new PlanningAgenda());
  }
}
