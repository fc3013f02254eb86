package io.companyos.export.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.companyos.render.PackDocument;
import io.companyos.render.RenderException;
import io.companyos.render.export.PackExporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Exports a pack as PDF ({@code --format pdf}): a print layout with the pack title, meeting, period,
 * as-of and availability line, an executive summary when the pack has one, a table of contents with
 * page numbers and PDF bookmarks for long packs, one block per section (fields, tables with header
 * rows repeated across pages, items, notes; unavailable sections with their reason), what changed and
 * the numbered sources. Page footers read "Page N of M". DejaVu Sans is embedded (subset), so arrows,
 * Δ, ± and currency signs print on any viewer.
 *
 * <p>Output is deterministic: producer "CompanyOS", creation and modification dates equal the pack's
 * as-of, and the file identifier is derived from the pack id and as-of, so the same document gives the
 * same bytes.
 */
public final class PdfExporter implements PackExporter {
  /** The Info dictionary's Producer and Creator. */
  public static final String PRODUCER = "CompanyOS";

  private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";

  private final PdfOptions options;

  /** An exporter with {@link PdfOptions#DEFAULTS}; the one {@link java.util.ServiceLoader} creates. */
  public PdfExporter() {
    this(PdfOptions.DEFAULTS);
  }

  /** An exporter with {@code options}. */
  public PdfExporter(PdfOptions options) {
    this.options = java.util.Objects.requireNonNull(options, "options");
  }

  @Override
  public String format() {
    return "pdf";
  }

  @Override
  public String fileExtension() {
    return "pdf";
  }

  @Override
  public String mediaType() {
    return "application/pdf";
  }

  @Override
  public void export(PackDocument doc, OutputStream out) throws IOException {
    String xhtml = PrintLayout.of(doc, options);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    // The renderer's own messages (font loads, timings) go to this class's logger instead of stderr:
    // INFO and below at FINE, warnings and errors as they are.
    builder.withDiagnosticConsumer(PdfExporter::diagnostic);
    if (Boolean.getBoolean(QUIET_CONSOLE_PROPERTY)) {
      quietRendererConsole();
    }
    builder.withProducer(PRODUCER);
    builder.withHtmlContent(xhtml, null);
    // Charts are drawn from their layout through the renderer's Graphics2D bridge (no SVG engine needed).
    builder.useObjectDrawerFactory(new ChartDrawing(doc));
    // Nothing is fetched: the layout has no links to load and no resource may leave the process.
    builder.useExternalResourceAccessControl((uri, type) -> false,
        com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl((uri, type) -> false,
        com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    font(builder, "DejaVuSans.ttf", 400, FontStyle.NORMAL);
    font(builder, "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
    font(builder, "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
    font(builder, "DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      try (PDDocument pdf = renderer.createPDFKeepOpen()) {
        fixMetadata(pdf, doc);
        pdf.save(out);
      }
    } catch (RuntimeException e) {
      throw new RenderException("COS-EXP-010", "cannot lay out the PDF: " + e.getMessage(), doc.packId(),
          "the pack's text is written into an XHTML print layout; report the pack id and the message", e);
    }
  }

  private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
    String path = FONT_DIR + file;
    if (resource(path) == null) {
      throw new RenderException("COS-EXP-011", "embedded font missing: " + file, path,
          "put net.sf.jasperreports:jasperreports-fonts on the class path", null);
    }
    builder.useFont(() -> open(path), PrintLayout.FONT, weight, style, true);
  }

  private static InputStream open(String path) {
    java.net.URL url = resource(path);
    InputStream in;
    try {
      in = url == null ? null : url.openStream();
    } catch (java.io.IOException e) {
      in = null;
    }
    if (in == null) {
      throw new RenderException("COS-EXP-011", "embedded font missing: " + path, path,
          "put net.sf.jasperreports:jasperreports-fonts on the class path", null);
    }
    return in;
  }

  /**
   * A resource of another jar (the fonts): through the class loader, which on the module path also searches
   * other modules' open packages ({@code Class.getResource} would search this module only).
   */
  private static java.net.@org.jspecify.annotations.Nullable URL resource(String absolutePath) {
    ClassLoader loader = PdfExporter.class.getClassLoader();
    return loader == null ? ClassLoader.getSystemResource(absolutePath.substring(1))
        : loader.getResource(absolutePath.substring(1));
  }

  /** Producer, dates and file identifier from the document, never from the clock. */
  private static void fixMetadata(PDDocument pdf, PackDocument doc) {
    PDDocumentInformation info = pdf.getDocumentInformation();
    Calendar asOf = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    asOf.setTimeInMillis(doc.asOf().toEpochMilli());
    info.setProducer(PRODUCER);
    info.setCreator(PRODUCER);
    info.setCreationDate(asOf);
    info.setModificationDate(asOf);
    pdf.setDocumentId(documentId(doc));
  }

  /** A stable 63-bit id from the pack id and as-of; PDFBox hashes it into the trailer's /ID. */
  static long documentId(PackDocument doc) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest((doc.packId() + "\n" + doc.asOf()).getBytes(StandardCharsets.UTF_8));
      long id = 0;
      for (int i = 0; i < 8; i++) {
        id = (id << 8) | (h[i] & 0xFF);
      }
      return id & Long.MAX_VALUE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * System property that, set to {@code true} before the first export, has the exporter call
   * {@link #quietRendererConsole()} itself (for applications that only find it through ServiceLoader).
   */
  public static final String QUIET_CONSOLE_PROPERTY = "io.companyos.export.pdf.quietConsole";

  /**
   * Turns off the PDF renderer's own console logging for the whole JVM. Each export still hands the
   * renderer's messages to the {@code io.companyos.export.pdf.PdfExporter} logger (java.util.logging;
   * warnings as warnings, the rest at FINE), so nothing is lost. Command-line tools call this; a
   * server that configures logging itself may leave it.
   */
  public static void quietRendererConsole() {
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
  }

  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(PdfExporter.class.getName());

  private static void diagnostic(com.openhtmltopdf.util.Diagnostic d) {
    java.util.logging.Level level = d.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()
        ? d.getLevel() : java.util.logging.Level.FINE;
    if (LOG.isLoggable(level)) {
      LOG.log(level, d.getFormattedMessage(), d.getError());
    }
  }
}
