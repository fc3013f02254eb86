package io.companyos.sources.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The window parameters of a query: {@code :from} and {@code :to} (the window's start, inclusive, and end, exclusive)
 * written where a value goes, e.g. {@code WHERE created_at >= :from AND created_at < :to}, turned into JDBC's
 * {@code ?} placeholders. A colon inside a quoted string or identifier, a comment, a dollar-quoted string
 * (PostgreSQL) or a {@code ::} cast is left alone; any other {@code :name} is refused, so a misspelt parameter is not
 * sent to the database as text.
 *
 * @param sql the query with {@code ?} in place of each parameter
 * @param names the parameters in the order of their placeholders ({@code from} or {@code to})
 */
public record NamedParameters(String sql, List<String> names) {
  /** The names a query may use. */
  public static final List<String> ALLOWED = List.of("from", "to");

  public NamedParameters {
    names = List.copyOf(names);
  }

  /** A query that cannot be read: {@code reason} says where and why. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Invalid(String reason) {
      super(reason);
    }
  }

  /**
   * Parses {@code query}.
   *
   * @param query the query as written in sources.yaml
   * @return the query for JDBC and its parameters
   * @throws Invalid for an unknown {@code :name}, or a quote or comment that is not closed
   */
  public static NamedParameters parse(String query) {
    StringBuilder out = new StringBuilder(query.length());
    List<String> names = new ArrayList<>();
    int n = query.length();
    int i = 0;
    while (i < n) {
      char c = query.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = closing(query, i, c);
        out.append(query, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && query.charAt(i + 1) == '-') {
        int end = query.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.append(query, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
        int end = query.indexOf("*/", i + 2);
        if (end < 0) {
          throw new Invalid("a /* comment is not closed (at character " + (i + 1) + ")");
        }
        out.append(query, i, end + 2);
        i = end + 2;
      } else if (c == '$' && dollarTag(query, i) != null) {
        String tag = dollarTag(query, i);
        int end = query.indexOf(tag, i + tag.length());
        if (end < 0) {
          throw new Invalid("a " + tag + " quoted string is not closed (at character " + (i + 1) + ")");
        }
        out.append(query, i, end + tag.length());
        i = end + tag.length();
      } else if (c == ':' && i + 1 < n && query.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < n && Character.isLetter(query.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && (Character.isLetterOrDigit(query.charAt(end)) || query.charAt(end) == '_')) {
          end++;
        }
        String name = query.substring(i + 1, end);
        if (!ALLOWED.contains(name)) {
          throw new Invalid("':" + name + "' is not a parameter (at character " + (i + 1) + "); the window's are :from and :to");
        }
        names.add(name);
        out.append('?');
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return new NamedParameters(out.toString(), names);
  }

  /** The index after the quote that closes the one at {@code start}; a doubled quote is part of the text. */
  private static int closing(String q, int start, char quote) {
    int i = start + 1;
    while (i < q.length()) {
      if (q.charAt(i) == quote) {
        if (i + 1 < q.length() && q.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new Invalid("a " + quote + " quote is not closed (at character " + (start + 1) + ")");
  }

  /** The dollar-quote tag ({@code $$} or {@code $name$}) that starts at {@code i}, or null. */
  private static String dollarTag(String q, int i) {
    if (i > 0 && (Character.isLetterOrDigit(q.charAt(i - 1)) || q.charAt(i - 1) == '_')) {
      return null; // part of an identifier such as a$b
    }
    int j = i + 1;
    while (j < q.length() && (Character.isLetter(q.charAt(j)) || q.charAt(j) == '_')) {
      j++;
    }
    return j < q.length() && q.charAt(j) == '$' ? q.substring(i, j + 1) : null;
  }
}
