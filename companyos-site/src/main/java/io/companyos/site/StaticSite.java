package io.companyos.site;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Dashboard;
import io.companyos.model.org.Role;
import io.companyos.model.pack.DeliveryChannel;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.time.Period;
import io.companyos.render.AccessPolicy;
import io.companyos.render.ArtifactStore;
import io.companyos.render.CompositeHealth;
import io.companyos.render.GenerationLog;
import io.companyos.render.HealthBadge;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.render.RenderException;
import io.companyos.model.base.CompanyOsException;
import io.companyos.sources.MetricSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  private final AccessPolicy access;
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
    this.access = AccessPolicy.of(company);
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
    PackAssembler assembler = new PackAssembler(company, sources);
    PackRenderer renderer = new PackRenderer();
    String badge = HealthBadge.svg(CompositeHealth.evaluate(company, sources, asOf, ZoneId.of("UTC")));
    List<Path> files = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    java.util.Set<String> located = new java.util.LinkedHashSet<>();
    List<Map<String, Object>> cards = new ArrayList<>();
    int packs = 0;
    int partial = 0;
    int failed = 0;
    for (Dashboard d : company.dashboards()) {
      Map<String, Object> card = new LinkedHashMap<>();
      card.put("id", d.id());
      card.put("name", d.name());
      card.put("url", d.url());
      card.put("access", roleNames(d.access()));
      boolean open = reader.isEmpty() || access.mayOpen(d, reader);
      card.put("open", open);
      List<Map<String, Object>> packCards = new ArrayList<>();
      if (open) {
        for (PackDefinition p : packsOf(d)) {
          ZoneId z = zone != null ? zone : zoneOf(p);
          List<Map<String, Object>> dated = new ArrayList<>();
          Instant at = asOf;
          for (int k = 0; k < history; k++) {
            packs++;
            try {
              PackDocument assembled = assembler.assemble(p, at, z);
              located.addAll(assembled.locatedProblems());
              PackDocument doc = copyFor(d, assembled);
              partial += doc.partial() ? 1 : 0;
              String stem = ArtifactStore.fileStem(doc);
              String rel = "dashboards/" + d.id() + "/" + p.id() + "/" + stem + ".html";
              String html = renderer.render(doc, PackFormat.HTML);
              files.add(write(out, rel, html));
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("date", stem);
              entry.put("period", doc.period().label());
              entry.put("availability", doc.availabilityLine());
              entry.put("href", p.id() + "/" + stem + ".html");
              if (k == 0) {
                entry.put("body", HtmlFragments.body(html, p.id()));
                card.putIfAbsent("style", HtmlFragments.style(html));
              }
              dated.add(entry);
            } catch (CompanyOsException e) {
              failed++;
              problems.add(p.id() + " as of " + at + ": " + e.oneLine());
            }
            at = earlier(doc0Period(assembler, p, at, z), at, z);
          }
          packCards.add(Map.of("id", p.id(), "title", p.name(), "dated", dated));
        }
      }
      card.put("packs", packCards);
      cards.add(card);
      if (open) {
        files.add(write(out, "dashboards/" + d.id() + "/index.html", SiteTemplates.html("dashboard.ftlh",
            page("../../", Map.of("dashboard", card, "badge", badge, "asOf", asOf.toString())))));
      }
    }
    files.add(write(out, "badge.svg", badge));
    files.add(write(out, "rhythm.html", SiteTemplates.html("rhythm.ftlh", RhythmPage.model(company, ""))));
    files.add(write(out, "raci.html", SiteTemplates.html("raci.ftlh", RaciPage.model(company, ""))));
    GenerationLog log = generationLog;
    List<RhythmKpiPage.Row> kpis = RhythmKpiPage.measure(company, sources, asOf, log, population);
    if (log == null) {
      kpis = withBuildGenerations(kpis, packs, failed, asOf);
    }
    files.add(write(out, "kpis.html", SiteTemplates.html("kpis.ftlh", RhythmKpiPage.model(kpis, asOf, ""))));
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("dashboards", cards);
    index.put("badge", badge);
    index.put("asOf", asOf.toString());
    index.put("reader", roleNames(reader));
    files.add(write(out, "index.html", SiteTemplates.html("index.ftlh", page("", index))));
    return new Result(files, packs, partial, failed, problems, List.copyOf(located));
  }

  private PackDocument copyFor(Dashboard d, PackDocument doc) {
    return reader.isEmpty() ? access.redactForAudience(doc, d.access()) : access.redact(doc, reader);
  }

  /** The packs delivered to {@code d}, in the company's pack order. */
  List<PackDefinition> packsOf(Dashboard d) {
    return company.packs().stream().filter(p -> p.delivery().stream()
        .anyMatch(x -> x.channel() == DeliveryChannel.DASHBOARD && d.url().equals(x.url()))).toList();
  }

  private static Period doc0Period(PackAssembler assembler, PackDefinition p, Instant at, ZoneId z) {
    return assembler.reportedPeriod(p, at, z);
  }

  /** The same point in the previous reporting period: the instant the previous pack was generated at. */
  private static Instant earlier(Period current, Instant at, ZoneId zone) {
    Duration offset = Duration.between(current.start().atStartOfDay(zone).toInstant(), at);
    return current.previous().start().atStartOfDay(zone).toInstant().plus(offset);
  }

  private List<RhythmKpiPage.Row> withBuildGenerations(List<RhythmKpiPage.Row> rows, int attempted, int failed,
      Instant asOf) {
    return RhythmKpiPage.withGenerations(rows, attempted - failed, attempted, asOf);
  }

  private ZoneId zoneOf(PackDefinition p) {
    if (p.meeting() != null) {
      return company.rhythm().meeting(p.meeting()).map(m -> m.zone()).orElse(p.timezone());
    }
    return p.timezone();
  }

  private List<String> roleNames(List<String> ids) {
    return ids.stream().map(id -> company.roles().find(id).map(Role::name).orElse(id)).toList();
  }

  private static Map<String, Object> page(String root, Map<String, Object> model) {
    Map<String, Object> m = new LinkedHashMap<>(model);
    m.put("root", root);
    return m;
  }

  private static Path write(Path out, String relative, String content) {
    Path target = out.resolve(relative);
    try {
      io.companyos.model.OutputFiles.replace(target, content);
      return target;
    } catch (IOException e) {
      throw new RenderException("COS-SITE-001", "cannot write the site: " + e.getMessage(), target.toString(),
          "check that the output directory is writable", e);
    }
  }

}
