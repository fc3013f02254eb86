package io.companyos.export.pptx;

/** Text as the XML inside a .pptx can carry it. */
final class Text {
  private Text() {}

  /**
   * {@code s} with characters XML 1.0 cannot carry (C0 controls other than tab and line breaks, lone
   * surrogates, U+FFFE, U+FFFF) replaced by U+FFFD. Markup characters stay as they are: POI escapes them.
   */
  static String clean(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
          || (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
          || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))));
      if (bad && sb == null) {
        sb = new StringBuilder(s.substring(0, i));
      }
      if (sb != null) {
        sb.append(bad ? '\uFFFD' : c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
