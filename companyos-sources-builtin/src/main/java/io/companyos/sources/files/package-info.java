/**
 * The {@code files} source: a directory of CSV files, one per record kind, in the layouts of
 * {@link io.companyos.sources.files.FileFormats} (documented in docs/data-formats.md), and
 * {@link io.companyos.sources.files.FilesWriter} to write such a directory.
 */
@NullMarked
package io.companyos.sources.files;

import org.jspecify.annotations.NullMarked;
