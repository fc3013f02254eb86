/**
 * The {@code work-exports} source: sprints and sprint items read from the pages the Jira Cloud Agile REST API returns
 * ({@code GET /rest/agile/1.0/board/{boardId}/sprint} and {@code GET /rest/agile/1.0/sprint/{sprintId}/issue}),
 * served as {@link io.companyos.model.data.Sprint} and {@link io.companyos.model.data.SprintItem} (see
 * docs/connectors.md).
 */
@NullMarked
package io.companyos.connectors.work;

import org.jspecify.annotations.NullMarked;
