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
        new ReliabilitySections.Dora());
  }
}
