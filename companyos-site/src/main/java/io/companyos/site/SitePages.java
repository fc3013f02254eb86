package io.companyos.site;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.base.CompanyOsException;
import io.companyos.model.org.Dashboard;
import io.companyos.model.org.Role;
import io.companyos.model.pack.DeliveryChannel;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.time.Period;
import io.companyos.render.AccessPolicy;
import io.companyos.render.ArtifactStore;
import io.companyos.render.CompositeHealth;
import io.companyos.render.HealthBadge;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.sources.MetricSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pages of the dashboard site one at a time, for a given reader: what {@link StaticSite} writes to disk
 * and what a server sends for one request are the same pages, built by the same code. Each dashboard is
 * built for a reader holding some roles (each pack is the reader's copy, see {@link AccessPolicy#redact}), or,
 * with no reader roles, as the one copy every role with access may see ({@link AccessPolicy#redactForAudience}).
 *
 * <p>{@link Links} chooses how pages link to each other: relative links for a folder opened from disk or a
 * static host, or the seed's absolute URLs ({@code /dashboards/exec-cockpit}) for a server.
 */
public final class SitePages {
  /** How pages link to each other. */
  public enum Links {
    /** Relative links between files: {@code dashboards/<id>/index.html}, {@code ../../index.html}. */
    RELATIVE,
    /** Absolute paths as a server answers them: the dashboard's URL, {@code /index.html}. */
    SERVED
  }

  /**
   * One dashboard as built for one reader.
   *
   * @param card the dashboard's model for the index and dashboard templates
   * @param packPages the reader's copy of every listed pack as HTML, by path below the dashboard
   *     ({@code <pack-id>/<date>.html})
   * @param open whether the reader may open the dashboard; a closed one has no pack pages
   */
  public record Built(Dashboard dashboard, Map<String, Object> card, Map<String, String> packPages, boolean open,
      int packs, int partialPacks, int failedPacks, List<String> problems, List<String> locatedProblems) {
    public Built {
      packPages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(packPages));
      problems = List.copyOf(problems);
      locatedProblems = List.copyOf(locatedProblems);
    }
  }

  private final CompanyDefinition company;
  private final List<MetricSource> sources;
  private final AccessPolicy access;
  private final PackRenderer renderer = new PackRenderer();
  private int history = 4;

  /** Pages over {@code company}'s dashboards with data from {@code sources}. */
  public SitePages(CompanyDefinition company, List<MetricSource> sources) {
    this.company = company;
    this.sources = List.copyOf(sources);
    this.access = AccessPolicy.of(company);
  }

  /** How many packs each dashboard lists by date, the latest included (default 4, at most 52). */
  public SitePages history(int packsPerDashboard) {
    if (packsPerDashboard < 1 || packsPerDashboard > 52) {
      throw new IllegalArgumentException("history must be 1..52, was " + packsPerDashboard);
    }
    this.history = packsPerDashboard;
    return this;
  }

  /** The company the pages are built for. */
  public CompanyDefinition company() {
    return company;
  }

  /** The access policy the pages apply (the one packs apply). */
  public AccessPolicy access() {
    return access;
  }

  /** The composite health badge as of {@code asOf}. */
  public String badge(Instant asOf) {
    return HealthBadge.svg(CompositeHealth.evaluate(company, sources, asOf, ZoneId.of("UTC")));
  }

  /** Builds dashboard {@code d} for a reader holding {@code reader} (empty: the audience copy). */
  public Built build(Dashboard d, List<String> reader, Instant asOf, @Nullable ZoneId zone, Links links) {
    PackAssembler assembler = new PackAssembler(company, sources);
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("id", d.id());
    card.put("name", d.name());
    card.put("url", d.url());
    card.put("href", links == Links.SERVED ? d.url() : "dashboards/" + d.id() + "/index.html");
    card.put("access", roleNames(d.access()));
    boolean open = reader.isEmpty() || access.mayOpen(d, reader);
    card.put("open", open);
    Map<String, String> pages = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Set<String> located = new LinkedHashSet<>();
    List<Map<String, Object>> packCards = new ArrayList<>();
    int packs = 0;
    int partial = 0;
    int failed = 0;
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
            PackDocument doc = reader.isEmpty() ? access.redactForAudience(assembled, d.access())
                : access.redact(assembled, reader);
            partial += doc.partial() ? 1 : 0;
            String stem = ArtifactStore.fileStem(doc);
            String rel = p.id() + "/" + stem + ".html";
            String html = renderer.render(doc, PackFormat.HTML);
            pages.put(rel, html);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date", stem);
            entry.put("period", doc.period().label());
            entry.put("availability", doc.availabilityLine());
            entry.put("href", links == Links.SERVED ? d.url() + "/" + rel : rel);
            if (k == 0) {
              entry.put("body", HtmlFragments.body(html, p.id()));
              card.putIfAbsent("style", HtmlFragments.style(html));
            }
            dated.add(entry);
          } catch (CompanyOsException e) {
            failed++;
            problems.add(p.id() + " as of " + at + ": " + e.oneLine());
          }
          at = earlier(assembler.reportedPeriod(p, at, z), at, z);
        }
        packCards.add(Map.of("id", p.id(), "title", p.name(), "dated", dated));
      }
    }
    card.put("packs", packCards);
    return new Built(d, card, pages, open, packs, partial, failed, problems, List.copyOf(located));
  }

  /** The dashboard page of {@code built}; {@code extra} adds to the template model (e.g. the signed-in user). */
  public String dashboardHtml(Built built, String badge, Instant asOf, Links links, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>(extra);
    m.put("dashboard", built.card());
    m.put("badge", badge);
    m.put("asOf", asOf.toString());
    m.put("root", links == Links.SERVED ? "/" : "../../");
    return SiteTemplates.html("dashboard.ftlh", m);
  }

  /** The index page listing {@code cards} (from {@link Built#card()}), built for a reader holding {@code reader}. */
  public String indexHtml(List<Map<String, Object>> cards, String badge, Instant asOf, List<String> reader, Links links,
      Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>(extra);
    m.put("dashboards", cards);
    m.put("badge", badge);
    m.put("asOf", asOf.toString());
    m.put("reader", roleNames(reader));
    m.put("root", top(links));
    return SiteTemplates.html("index.ftlh", m);
  }

  /** The rhythm page. */
  public String rhythmHtml(Links links, Map<String, Object> extra) {
    return SiteTemplates.html("rhythm.ftlh", with(RhythmPage.model(company, top(links)), extra));
  }

  /** The RACI page. */
  public String raciHtml(Links links, Map<String, Object> extra) {
    return SiteTemplates.html("raci.ftlh", with(RaciPage.model(company, top(links)), extra));
  }

  /** The rhythm-effectiveness KPI page over measured {@code rows} ({@link RhythmKpiPage#measure}). */
  public String kpisHtml(List<RhythmKpiPage.Row> rows, Instant asOf, Links links, Map<String, Object> extra) {
    return SiteTemplates.html("kpis.ftlh", with(RhythmKpiPage.model(rows, asOf, top(links)), extra));
  }

  /**
   * The pack archive page: {@code packs} lists, for each pack, {@code id}, {@code title} and {@code dates}; each date
   * has {@code date} (the file stem) and {@code formats}, each with {@code format} and {@code href}.
   */
  public String archiveHtml(List<Map<String, Object>> packs, Instant asOf, Links links, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>(extra);
    m.put("packs", packs);
    m.put("asOf", asOf.toString());
    m.put("root", top(links));
    return SiteTemplates.html("packs.ftlh", m);
  }

  /** The packs delivered to {@code d}, in the company's pack order. */
  public List<PackDefinition> packsOf(Dashboard d) {
    return company.packs().stream().filter(p -> p.delivery().stream()
        .anyMatch(x -> x.channel() == DeliveryChannel.DASHBOARD && d.url().equals(x.url()))).toList();
  }

  /**
   * The file stems ({@code 2026-11-23}, {@code 2026-11}, {@code 2026-Q4}) of the latest {@link #history} packs of
   * {@code p} as of {@code asOf}, newest first, with the instant each is generated at.
   */
  public Map<String, Instant> stems(PackDefinition p, Instant asOf, @Nullable ZoneId zone) {
    PackAssembler assembler = new PackAssembler(company, sources);
    ZoneId z = zone != null ? zone : zoneOf(p);
    Map<String, Instant> out = new LinkedHashMap<>();
    Instant at = asOf;
    for (int k = 0; k < history; k++) {
      Period period = assembler.reportedPeriod(p, at, z);
      out.putIfAbsent(ArtifactStore.fileStem(period, at.atZone(z).toLocalDate()), at);
      at = earlier(period, at, z);
    }
    return out;
  }

  /** The reader's copy of pack {@code p} with file stem {@code stem}, when it is one of the listed {@link #stems}. */
  public Optional<PackDocument> pack(PackDefinition p, String stem, List<String> reader, Instant asOf,
      @Nullable ZoneId zone) {
    Instant at = stems(p, asOf, zone).get(stem);
    if (at == null) {
      return Optional.empty();
    }
    PackDocument doc = new PackAssembler(company, sources).assemble(p, at, zone != null ? zone : zoneOf(p));
    return Optional.of(access.redact(doc, reader));
  }

  /** The zone a pack's dates are in: its meeting's zone, else its own. */
  public ZoneId zoneOf(PackDefinition p) {
    if (p.meeting() != null) {
      return company.rhythm().meeting(p.meeting()).map(m -> m.zone()).orElse(p.timezone());
    }
    return p.timezone();
  }

  /** The names of roles {@code ids} as the seed writes them ({@code sre_lead} → "SRE Lead"). */
  public List<String> roleNames(List<String> ids) {
    return ids.stream().map(id -> company.roles().find(id).map(Role::name).orElse(id)).toList();
  }

  /** The same point in the previous reporting period: the instant the previous pack was generated at. */
  private static Instant earlier(Period current, Instant at, ZoneId zone) {
    Duration offset = Duration.between(current.start().atStartOfDay(zone).toInstant(), at);
    return current.previous().start().atStartOfDay(zone).toInstant().plus(offset);
  }

  private static String top(Links links) {
    return links == Links.SERVED ? "/" : "";
  }

  private static Map<String, Object> with(Map<String, Object> model, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>(extra);
    m.putAll(model);
    return m;
  }
}
