package io.companyos.export.confluence;

import io.companyos.render.PackDocument;
import io.companyos.render.export.PackExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code confluence} format: the pack as a Confluence storage-format page body
 * ({@code <pack>.confluence.xhtml}, UTF-8), ready to paste into the storage editor or to send with
 * {@link ConfluenceClient}. See {@link ConfluenceStorage} for the layout and escaping rules. The file is
 * a body fragment (several top-level elements, {@code ac:} prefix undeclared), as Confluence stores it.
 */
public final class ConfluenceExporter implements PackExporter {
  @Override
  public String format() {
    return "confluence";
  }

  @Override
  public String fileExtension() {
    return "confluence.xhtml";
  }

  @Override
  public String mediaType() {
    return "application/xhtml+xml";
  }

  @Override
  public void export(PackDocument doc, OutputStream out) throws IOException {
    out.write(ConfluenceStorage.render(doc).getBytes(StandardCharsets.UTF_8));
  }
}
