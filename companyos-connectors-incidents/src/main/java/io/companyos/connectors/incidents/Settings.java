package io.companyos.connectors.incidents;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * How to read the exports of one source.
 *
 * @param zone the zone of times written without an offset (option {@code time_zone}); null: such times are errors
 * @param list the member of a generic JSON document that holds the list of incidents (option {@code list}); null:
 *     the document is the list
 */
record Settings(Priorities priorities, Columns columns, @Nullable ZoneId zone, @Nullable String list) {}
