/**
 * Notion export: {@link io.companyos.export.notion.NotionBlocks} turns a pack into Notion API block
 * objects within the API's limits, {@link io.companyos.export.notion.NotionExporter} writes them as the
 * {@code notion} format, and {@link io.companyos.export.notion.NotionClient} publishes them as a page.
 */
@NullMarked
package io.companyos.export.notion;

import org.jspecify.annotations.NullMarked;
