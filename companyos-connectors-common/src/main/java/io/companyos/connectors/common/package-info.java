/**
 * What the export connectors share: {@link io.companyos.connectors.common.LocatedJson}, a JSON tree that
 * remembers the line and column of every value, and {@link io.companyos.connectors.common.ExportProblem}, a
 * complaint about one place of an export. A source plugin that reads JSON exports can use them to give the
 * {@code file:line:col: CODE message} errors every CompanyOS source gives.
 * {@link io.companyos.connectors.common.ExportReading} reads the files in strict or lenient mode, listing what lenient
 * mode left out as {@link io.companyos.connectors.common.SkippedInput}s, and
 * {@link io.companyos.connectors.common.ExportRecords} serves what it read, read once, with its provenance.
 */
@NullMarked
package io.companyos.connectors.common;

import org.jspecify.annotations.NullMarked;
