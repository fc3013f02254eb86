package io.companyos.site;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Dashboard;
import io.companyos.render.AccessPolicy;
import io.companyos.render.GenerationLog;
import io.companyos.render.RenderException;
import io.companyos.sources.MetricSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The seed's dashboards as a static site: {@code index.html} (every dashboard, its access level and
 * latest pack, the health badge), one page per dashboard ({@code dashboards/<id>/index.html}) with the
 * latest pack of every pack delivered to it ({@code channel: dashboard} in the pack YAML) and its
 * history by date, plus {@code rhythm.html} (every meeting with its owner and participants),
 * {@code raci.html}, {@code kpis.html} and {@code badge.svg}. Links are
 * relative, so the folder works opened from disk and from any static host.
 *
 * <p>A static host enforces nothing, so access levels are applied when the site is built: without a
 * reader, each dashboard shows the copy every role in its {@code access} list may see; for a reader
 * ({@link #forReader}), dashboards they may not open are listed without a page and every pack is the
 * reader's copy (see {@link AccessPolicy}). Files are written atomically; the same inputs and as-of
 * give byte-identical files.
 */
public final class StaticSite {
  private final CompanyDefinition company;
  private final List<MetricSource> sources;
  private int history = 4;
  private List<String> reader = List.of();
  private OptionalInt population = OptionalInt.empty();
  private @Nullable GenerationLog generationLog;

  /**
   * What was written.
   *
   * @param locatedProblems the located data problems that left sections out (a bad row of a strict data file,
   *     {@code incidents.csv:6: COS-SRC-003 ...}), once each, in the order met; the packs show them in their n/a text
   */
  public record Result(List<Path> files, int packs, int partialPacks, int failedPacks, List<String> problems,
      List<String> locatedProblems) {
    /** A result without located data problems. */
    public Result(List<Path> files, int packs, int partialPacks, int failedPacks, List<String> problems) {
      this(files, packs, partialPacks, failedPacks, problems, List.of());
    }

    public Result {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
      locatedProblems = List.copyOf(locatedProblems);
    }
  }

  /** A site over {@code company}'s dashboards with data from {@code sources}. */
  public StaticSite(CompanyDefinition company, List<MetricSource> sources) {
    this.company = company;
    this.sources = List.copyOf(sources);
  }

  /** How many packs each dashboard lists by date, the latest included (default 4). */
  public StaticSite history(int packsPerDashboard) {
    if (packsPerDashboard < 1 || packsPerDashboard > 52) {
      throw new IllegalArgumentException("history must be 1..52, was " + packsPerDashboard);
    }
    this.history = packsPerDashboard;
    return this;
  }

  /** Builds the copy a reader holding {@code roles} may see instead of the per-dashboard audience copy. */
  public StaticSite forReader(List<String> roles) {
    this.reader = List.copyOf(roles);
    return this;
  }

  /** The number of people expected to use the dashboards, for the dashboard-usage KPI. */
  public StaticSite population(int people) {
    this.population = OptionalInt.of(people);
    return this;
  }

  /** Measures pack generation success from {@code log} instead of from this build's own generations. */
  public StaticSite generationLog(GenerationLog log) {
    this.generationLog = log;
    return this;
  }

  /** Writes the site into {@code out} with data as of {@code asOf}; {@code zone} overrides each pack's zone. */
  public Result write(Path out, Instant asOf, @Nullable ZoneId zone) {
    SitePages pages = new SitePages(company, sources).history(history);
    String badge = pages.badge(asOf);
    List<Path> files = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    java.util.Set<String> located = new java.util.LinkedHashSet<>();
    List<Map<String, Object>> cards = new ArrayList<>();
    int packs = 0;
    int partial = 0;
    int failed = 0;
    for (Dashboard d : company.dashboards()) {
      SitePages.Built built = pages.build(d, reader, asOf, zone, SitePages.Links.RELATIVE);
      packs += built.packs();
      partial += built.partialPacks();
      failed += built.failedPacks();
      problems.addAll(built.problems());
      located.addAll(built.locatedProblems());
      built.packPages().forEach((rel, html) -> files.add(write(out, "dashboards/" + d.id() + "/" + rel, html)));
      cards.add(built.card());
      if (built.open()) {
        files.add(write(out, "dashboards/" + d.id() + "/index.html", pages.dashboardHtml(built, badge, asOf,
            SitePages.Links.RELATIVE, Map.of())));
      }
    }
    files.add(write(out, "badge.svg", badge));
    files.add(write(out, "rhythm.html", pages.rhythmHtml(SitePages.Links.RELATIVE, Map.of())));
    files.add(write(out, "raci.html", pages.raciHtml(SitePages.Links.RELATIVE, Map.of())));
    GenerationLog log = generationLog;
    List<RhythmKpiPage.Row> kpis = RhythmKpiPage.measure(company, sources, asOf, log, population);
    if (log == null) {
      kpis = RhythmKpiPage.withGenerations(kpis, packs - failed, packs, asOf);
    }
    files.add(write(out, "kpis.html", pages.kpisHtml(kpis, asOf, SitePages.Links.RELATIVE, Map.of())));
    files.add(write(out, "index.html", pages.indexHtml(cards, badge, asOf, reader, SitePages.Links.RELATIVE, Map.of())));
    return new Result(files, packs, partial, failed, problems, List.copyOf(located));
  }

  private static Path write(Path out, String relative, String content) {
    Path target = out.resolve(relative);
    try {
      io.companyos.model.base.OutputFiles.replace(target, content);
      return target;
    } catch (IOException e) {
      throw new RenderException("COS-SITE-001", "cannot write the site: " + e.getMessage(), target.toString(),
          "check that the output directory is writable", e);
    }
  }

}
