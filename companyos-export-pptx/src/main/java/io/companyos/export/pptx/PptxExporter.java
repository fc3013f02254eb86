package io.companyos.export.pptx;

import io.companyos.render.PackDocument;
import io.companyos.render.RenderException;
import io.companyos.render.export.PackExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xslf.usermodel.XMLSlideShow;

/**
 * Exports a pack as a PowerPoint deck ({@code --format pptx}, 16:9): a title slide (title, meeting,
 * period, as-of, "N of M sections available", the executive summary and what changed), then one slide
 * per section. Headline fields are large numbers with their change and, when the value has a history,
 * a sparkline picture; tables are real PowerPoint tables with a header row, continued on further
 * slides when long; an unavailable section gets a slide saying why. Every slide's speaker notes list
 * the source, query and window of each number on it, and the section's note.
 *
 * <p>Output is deterministic: core properties (creator "CompanyOS", created and modified at the pack's
 * as-of) are fixed and the ZIP entries are re-stamped with the as-of, so the same document gives the
 * same bytes.
 */
public final class PptxExporter implements PackExporter {
  /** The creator and last-modified-by of every deck. */
  public static final String CREATOR = "CompanyOS";

  @Override
  public String format() {
    return "pptx";
  }

  @Override
  public String fileExtension() {
    return "pptx";
  }

  @Override
  public String mediaType() {
    return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  }

  @Override
  public void export(PackDocument doc, OutputStream out) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(64 * 1024);
    try (XMLSlideShow show = new XMLSlideShow()) {
      Deck.build(doc, show);
      POIXMLProperties.CoreProperties core = show.getProperties().getCoreProperties();
      Date asOf = Date.from(doc.asOf());
      core.setCreator(CREATOR);
      core.setLastModifiedByUser(CREATOR);
      core.setCreated(Optional.of(asOf));
      core.setModified(Optional.of(asOf));
      core.setTitle(Text.clean(doc.title() + " - " + doc.period().label()));
      core.setSubjectProperty(Text.clean(doc.availabilityLine()));
      core.setIdentifier(Text.clean(doc.packId()));
      show.write(raw);
    } catch (RuntimeException e) {
      throw new RenderException("COS-EXP-020", "cannot build the slide deck: " + e.getMessage(), doc.packId(),
          "report the pack id and the message", e);
    }
    FixedZip.copy(raw.toByteArray(), entryTime(doc), out);
  }

  /** The as-of in UTC, kept inside the range a ZIP (DOS) time can hold. */
  private static LocalDateTime entryTime(PackDocument doc) {
    LocalDateTime t = LocalDateTime.ofInstant(doc.asOf(), ZoneOffset.UTC).withNano(0);
    LocalDateTime min = LocalDateTime.of(1980, 1, 1, 0, 0);
    LocalDateTime max = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
    return t.isBefore(min) ? min : t.isAfter(max) ? max : t;
  }
}
