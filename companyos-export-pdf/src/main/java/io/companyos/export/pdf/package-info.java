/**
 * The {@code pdf} pack exporter: a print layout of a {@link io.companyos.render.PackDocument} rendered to
 * PDF with openhtmltopdf and an embedded DejaVu Sans font. See {@link io.companyos.export.pdf.PdfExporter}.
 */
@NullMarked
package io.companyos.export.pdf;

import org.jspecify.annotations.NullMarked;
