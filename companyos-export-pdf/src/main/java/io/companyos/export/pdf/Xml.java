package io.companyos.export.pdf;

/** Escaping for the print layout: XML text and attributes, and CSS strings. */
final class Xml {
  private Xml() {}

  /**
   * {@code s} as XML text or attribute value. Characters XML 1.0 cannot carry (most C0 controls,
   * lone surrogates, U+FFFE/U+FFFF) become U+FFFD so that the document always parses.
   */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\t', '\n', '\r' -> sb.append(c);
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            sb.append('\uFFFD');
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** {@code s} as the inside of a double-quoted CSS string: everything but letters, digits and spaces hex-escaped. */
  static String cssString(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == ' ')) {
        sb.appendCodePoint(cp);
      } else if (cp < 0x20 || cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF)) {
        sb.append("\\FFFD ");
      } else {
        sb.append('\\').append(Integer.toHexString(cp)).append(' ');
      }
    });
    return sb.toString();
  }
}
