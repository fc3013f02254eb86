package io.companyos.render.internal;

/**
 * Escapes text from data for Markdown so that it stays literal: it cannot end a table cell ({@code |}),
 * start emphasis or code ({@code * _ `}), open a link ({@code [ ]}), inject HTML ({@code <} and entities) or
 * break a line (line breaks become spaces).
 */
public final class MarkdownEscaper {
  private MarkdownEscaper() {}

  public static String escape(String s) {
    if (isPlain(s)) {
      return s; // the common case (numbers, names): nothing to escape, nothing to copy
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '|', '*', '`', '[', ']', '#', '~', '!' -> sb.append('\\').append(c);
        case '_' -> {
          // An underscore inside a word (snake_case) cannot start or end emphasis; elsewhere it is escaped.
          if (!(i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
              && Character.isLetterOrDigit(s.charAt(i + 1)))) {
            sb.append('\\');
          }
          sb.append(c);
        }
        case '<' -> sb.append("&lt;");
        case '&' -> sb.append(startsEntity(s, i) ? "&amp;" : "&");
        case '\r' -> {
          if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
            sb.append(' ');
          }
        }
        case '\n', '\u2028', '\u2029', '\u0085' -> sb.append(' ');
        default -> {
          if (c < 0x20 && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** True when no character of {@code s} could need escaping (an underscore always takes the full path). */
  private static boolean isPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '\\' || c == '|' || c == '*' || c == '`' || c == '[' || c == ']' || c == '#' || c == '~'
          || c == '!' || c == '_' || c == '<' || c == '&' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        return false;
      }
    }
    return true;
  }

  /** True when {@code s} has an HTML entity ({@code &name;} or {@code &#123;}) at {@code i}. */
  private static boolean startsEntity(String s, int i) {
    int j = i + 1;
    while (j < s.length() && j - i <= 32 && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '#')) {
      j++;
    }
    return j > i + 1 && j < s.length() && s.charAt(j) == ';';
  }
}
