package io.companyos.export.pdf;

/**
 * Layout options of {@link PdfExporter}.
 *
 * @param paper the page size
 * @param contentsAbove a table of contents (and the same entries as PDF bookmarks) is added when the
 *     pack has more than this many sections; 0 always adds one
 */
public record PdfOptions(Paper paper, int contentsAbove) {

  /** A4 pages, contents for packs of more than four sections. */
  public static final PdfOptions DEFAULTS = new PdfOptions(Paper.A4, 4);

  public PdfOptions {
    java.util.Objects.requireNonNull(paper, "paper");
    if (contentsAbove < 0) {
      throw new IllegalArgumentException("contentsAbove must be >= 0, was " + contentsAbove);
    }
  }

  /** Page sizes the print layout is laid out for. */
  public enum Paper {
    /** 210 x 297 mm. */
    A4("A4"),
    /** 8.5 x 11 in. */
    LETTER("letter");

    private final String css;

    Paper(String css) {
      this.css = css;
    }

    /** The CSS {@code size} keyword. */
    String css() {
      return css;
    }
  }
}
