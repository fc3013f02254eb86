package io.companyos.export.confluence;

import org.jspecify.annotations.Nullable;

/**
 * The page {@link ConfluenceClient} created or updated.
 *
 * @param id the page id
 * @param version the page's version after the write (1 for a new page)
 * @param created true when the page was created, false when an existing page was updated
 * @param webUrl the page's address in the browser, when the answer had one
 */
public record ConfluencePageRef(String id, int version, boolean created, @Nullable String webUrl) {}
