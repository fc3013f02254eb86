/**
 * Confluence export: {@link io.companyos.export.confluence.ConfluenceStorage} writes a pack as
 * Confluence storage format, {@link io.companyos.export.confluence.ConfluenceExporter} offers it as the
 * {@code confluence} format, and {@link io.companyos.export.confluence.ConfluenceClient} creates or
 * updates the page through the Confluence Cloud REST API v2.
 */
@NullMarked
package io.companyos.export.confluence;

import org.jspecify.annotations.NullMarked;
