package io.companyos.export.notion;

import org.jspecify.annotations.Nullable;

/**
 * A page {@link NotionClient} created.
 *
 * @param id the page id Notion assigned
 * @param url the page's address in Notion, when the answer had one
 * @param requests how many successful requests it took (create plus appends)
 */
public record NotionPageRef(String id, @Nullable String url, int requests) {}
