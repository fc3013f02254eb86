package io.companyos.delivery;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Dashboard;
import io.companyos.render.PackDocument;
import io.companyos.site.StaticSite;
import io.companyos.sources.MetricSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard channel: (re)builds the static dashboard site (see {@link StaticSite}) into a folder, once
 * per run however many packs point at it. Each dashboard page shows what its access roles may see.
 */
public final class StaticSitePublisher implements Deliverer.SitePublisher {
  private final StaticSite site;
  private final Path out;
  private final Instant asOf;
  private final @Nullable ZoneId zone;
  private StaticSite.@Nullable Result written;

  public StaticSitePublisher(CompanyDefinition company, List<MetricSource> sources, Path out, Instant asOf,
      @Nullable ZoneId zone) {
    this.site = new StaticSite(company, sources);
    this.out = out;
    this.asOf = asOf;
    this.zone = zone;
  }

  @Override
  public synchronized String publish(PackDocument doc, Dashboard dashboard) throws IOException {
    if (written == null) {
      written = site.write(out, asOf, zone);
    }
    if (written.failedPacks() > 0) {
      throw new IOException("the site was written but " + written.failedPacks() + " packs failed: "
          + String.join("; ", written.problems()));
    }
    return "site page " + out.resolve("dashboards").resolve(dashboard.id()).resolve("index.html");
  }
}
