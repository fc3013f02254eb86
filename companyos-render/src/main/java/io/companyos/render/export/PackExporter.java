package io.companyos.render.export;

import io.companyos.render.PackDocument;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns a finished {@link PackDocument} into one file format (PDF, slides, a Notion or Confluence
 * payload...). Exporters with heavy dependencies live in their own modules and are found with
 * {@link java.util.ServiceLoader}, so an application pays only for the formats it puts on its class
 * path. Implementations must be deterministic (same document, same bytes where the format allows it)
 * and must not read the clock, the default locale or the default time zone.
 *
 * <p>This is an SPI: it grows only by default methods.
 */
public interface PackExporter {

  /**
   * The format this exporter writes.
   *
   * @return the name users pass to {@code --format}, lower case, e.g. {@code pdf}
   */
  String format();

  /**
   * The extension of the files this exporter writes.
   *
   * @return what follows the file stem in the output file name, without the dot, e.g. {@code pdf} or
   *     {@code notion.json}
   */
  String fileExtension();

  /**
   * The media type of the output.
   *
   * @return the media type, e.g. {@code application/pdf}
   */
  String mediaType();

  /**
   * Writes {@code doc} to {@code out}. The stream is not closed. A document with unavailable sections
   * is exported with those sections shown as unavailable, never dropped.
   *
   * @param doc the pack, already redacted for its readers
   * @param out where the output goes; not closed
   * @throws IOException if writing to {@code out} fails
   */
  void export(PackDocument doc, OutputStream out) throws IOException;

  /**
   * Convenience: the export as bytes, through {@link #export}.
   *
   * @param doc the pack
   * @return the exported file's content
   * @throws IOException if the export fails
   */
  default byte[] exportToBytes(PackDocument doc) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    export(doc, out);
    return out.toByteArray();
  }
}
