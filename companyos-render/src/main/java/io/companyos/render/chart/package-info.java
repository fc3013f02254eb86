/**
 * Charts of a pack: the series a section already holds ({@link io.companyos.render.chart.Chart}), laid out once
 * ({@link io.companyos.render.chart.ChartLayout}) and written as deterministic SVG
 * ({@link io.companyos.render.chart.SvgChart}); exporters draw the same layout in their own formats.
 */
@NullMarked
package io.companyos.render.chart;

import org.jspecify.annotations.NullMarked;
