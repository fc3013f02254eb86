package io.companyos.server;

import io.companyos.model.org.Dashboard;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.PackDocument;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import io.companyos.site.RhythmKpiPage;
import io.companyos.site.SitePages;
import io.companyos.site.SitePages.Links;
import io.companyos.sources.MetricSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the server shows, built with the site's own page code ({@link SitePages}) for each reader's roles and kept for
 * a short while ({@link ServerSettings#cacheTtl()}): readers holding the same roles share one build of a dashboard,
 * and a build older than the time to live is made again from the sources at a new as-of.
 */
public final class DashboardContent {
  /** A file offered for download. */
  public record Download(String fileName, String mediaType, byte[] bytes) {}

  private record Key(List<String> roles, String dashboard) {}

  private record Entry(Instant builtAt, Instant asOf, SitePages.Built built) {}

  private record Badge(Instant builtAt, String svg) {}

  private final SitePages pages;
  private final List<MetricSource> sources;
  private final ServerSettings settings;
  private final Supplier<Instant> asOf;
  private final Clock clock;
  private final PackExporters exporters;
  private final PackArchive archive;
  private final Map<Key, Entry> cache = new ConcurrentHashMap<>();
  private volatile Badge badge;

  public DashboardContent(SitePages pages, List<MetricSource> sources, ServerSettings settings, Supplier<Instant> asOf,
      Clock clock) {
    this.pages = pages.history(settings.history());
    this.sources = List.copyOf(sources);
    this.settings = settings;
    this.asOf = asOf;
    this.clock = clock;
    this.exporters = PackExporters.discover();
    this.archive = new PackArchive(settings.archive(),
        exporters.formats().stream().map(f -> exporters.find(f).orElseThrow().fileExtension()).toList());
  }

  /** The export formats offered, built-in ones first. */
  public List<String> formats() {
    return exporters.formats();
  }

  /** Dashboard {@code d} built for a reader holding {@code roles}, from the cache while it is fresh. */
  public SitePages.Built dashboard(Dashboard d, List<String> roles) {
    return entry(d, roles).built();
  }

  private Entry entry(Dashboard d, List<String> roles) {
    Instant now = clock.instant();
    return cache.compute(new Key(List.copyOf(roles), d.id()), (k, old) -> {
      if (old != null && old.builtAt().plus(settings.cacheTtl()).isAfter(now)) {
        return old;
      }
      Instant at = asOf.get();
      return new Entry(now, at, pages.build(d, roles, at, settings.zone(), Links.SERVED));
    });
  }

  /** The dashboard page for a reader holding {@code roles}, who may open it. */
  public String dashboardPage(Dashboard d, List<String> roles, Map<String, Object> extra) {
    Entry e = entry(d, roles);
    return pages.dashboardHtml(e.built(), badge(), e.asOf(), Links.SERVED, extra);
  }

  /** One pack page listed on dashboard {@code d}: {@code <pack-id>/<stem>.html}. */
  public Optional<String> packPage(Dashboard d, List<String> roles, String packId, String stem) {
    return Optional.ofNullable(dashboard(d, roles).packPages().get(packId + "/" + stem + ".html"));
  }

  /** The index: every dashboard, linked when the reader may open it. */
  public String indexPage(List<String> roles, Map<String, Object> extra) {
    List<Map<String, Object>> cards = new ArrayList<>();
    Instant at = null;
    for (Dashboard d : pages.company().dashboards()) {
      Entry e = entry(d, roles);
      at = at == null ? e.asOf() : at;
      cards.add(e.built().card());
    }
    return pages.indexHtml(cards, badge(), at == null ? asOf.get() : at, roles, Links.SERVED, extra);
  }

  /** The archive page: every pack {@code readable} lists, with its dates and a link per format. */
  public String archivePage(List<PackDefinition> readable, Map<String, Object> extra) {
    return archivePage(readable, false, extra);
  }

  /**
   * The archive page: every pack {@code readable} lists, with its dates and a link per format. The dates are the
   * last {@link ServerSettings#history()} ones, built from the sources for the reader; a reader who may see
   * everything ({@code everything}, see {@link DashboardAccess#seesEverything}) also gets the copies written to the
   * archive folder, in the formats they were written in, the same date's written copy taking the place of a built one.
   */
  public String archivePage(List<PackDefinition> readable, boolean everything, Map<String, Object> extra) {
    Instant at = asOf.get();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PackDefinition p : readable) {
      Map<String, Map<String, String>> dates = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
      Map<String, String> archived = new LinkedHashMap<>();
      if (everything) {
        archive.stored(p.id()).forEach((stem, exts) -> {
          Map<String, String> links = dates.computeIfAbsent(stem, s -> new LinkedHashMap<>());
          for (String f : exporters.formats()) {
            String ext = exporters.find(f).orElseThrow().fileExtension();
            if (exts.contains(ext)) {
              links.put(f, "/packs/" + p.id() + "/" + stem + "." + ext);
            }
          }
          archived.put(stem, "written");
        });
      }
      for (String stem : pages.stems(p, at, settings.zone()).keySet()) {
        Map<String, String> links = dates.computeIfAbsent(stem, s -> new LinkedHashMap<>());
        for (String f : exporters.formats()) {
          links.putIfAbsent(f, "/packs/" + p.id() + "/" + stem + "." + exporters.find(f).orElseThrow().fileExtension());
        }
      }
      List<Map<String, Object>> list = new ArrayList<>();
      dates.forEach((stem, links) -> {
        List<Map<String, Object>> formats = new ArrayList<>();
        links.forEach((f, href) -> formats.add(Map.of("format", f, "href", href)));
        list.add(Map.of("date", stem, "formats", formats, "archived", archived.containsKey(stem)));
      });
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", p.id());
      row.put("title", p.name());
      row.put("dates", list);
      rows.add(row);
    }
    return pages.archiveHtml(rows, at, Links.SERVED, extra);
  }

  /**
   * The reader's copy of pack {@code p} as of the date {@code stem}, exported to the format whose file extension is
   * {@code extension}; empty when the date is not in the archive or no format has that extension.
   */
  public Optional<Download> export(PackDefinition p, String stem, String extension, List<String> roles) {
    Optional<PackExporter> exporter = exporter(extension);
    if (exporter.isEmpty()) {
      return Optional.empty();
    }
    Optional<PackDocument> doc = pages.pack(p, stem, roles, asOf.get(), settings.zone());
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Download(p.id() + "-" + stem + "." + extension, exporter.get().mediaType(),
          exporter.get().exportToBytes(doc.get())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The download {@code fileName} ({@code <stem>.<extension>}) of pack {@code p} for a reader holding {@code roles}:
   * the copy written to the archive folder, as written, when the reader may see everything ({@code everything});
   * otherwise (or when none was written) the reader's copy built from the sources ({@link #export}).
   */
  public Optional<Download> download(PackDefinition p, String fileName, List<String> roles, boolean everything) {
    if (everything) {
      Optional<PackArchive.Stored> stored = archive.file(p.id(), fileName);
      if (stored.isPresent()) {
        PackArchive.Stored s = stored.get();
        return Optional.of(new Download(p.id() + "-" + fileName, exporter(s.extension()).orElseThrow().mediaType(),
            s.bytes()));
      }
    }
    for (String f : exporters.formats()) {
      String ext = exporters.find(f).orElseThrow().fileExtension();
      if (fileName.endsWith("." + ext) && fileName.length() > ext.length() + 1) {
        String stem = fileName.substring(0, fileName.length() - ext.length() - 1);
        Optional<Download> built = export(p, stem, ext, roles);
        if (built.isPresent()) {
          return built;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<PackExporter> exporter(String extension) {
    return exporters.formats().stream().map(f -> exporters.find(f).orElseThrow())
        .filter(x -> x.fileExtension().equals(extension)).findFirst();
  }

  /** The health badge, made again from the sources when older than the time to live. */
  public String badge() {
    Instant now = clock.instant();
    Badge b = badge;
    if (b == null || !b.builtAt().plus(settings.cacheTtl()).isAfter(now)) {
      b = new Badge(now, pages.badge(asOf.get()));
      badge = b;
    }
    return b.svg();
  }

  /** The rhythm page. */
  public String rhythmPage(Map<String, Object> extra) {
    return pages.rhythmHtml(Links.SERVED, extra);
  }

  /** The RACI page. */
  public String raciPage(Map<String, Object> extra) {
    return pages.raciHtml(Links.SERVED, extra);
  }

  /** The rhythm-effectiveness KPI page, measured from the sources (views the audit log wrote included when read). */
  public String kpisPage(Map<String, Object> extra) {
    Instant at = asOf.get();
    OptionalInt population = settings.population() == null ? OptionalInt.empty() : OptionalInt.of(settings.population());
    List<RhythmKpiPage.Row> rows = RhythmKpiPage.measure(pages.company(), sources, at, null, population);
    return pages.kpisHtml(rows, at, Links.SERVED, extra);
  }
}
