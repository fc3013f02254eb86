/**
 * Pages beyond single packs: {@link io.companyos.site.StaticSite} (the seed's dashboards as static
 * HTML), {@link io.companyos.site.RaciPage} and {@link io.companyos.site.RhythmKpiPage}.
 */
@NullMarked
package io.companyos.site;

import org.jspecify.annotations.NullMarked;
