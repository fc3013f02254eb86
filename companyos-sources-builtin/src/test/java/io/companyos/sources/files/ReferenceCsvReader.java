package io.companyos.sources.files;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written reader the files source used before FastCSV, kept unchanged as the reference that
 * {@code CsvReaderEquivalenceTest} compares the new reader with.
 *
 * <p>A small RFC 4180 reader: comma-separated fields, double quotes around fields that contain commas,
 * quotes or line breaks, {@code ""} for a quote inside a quoted field, CRLF or LF line ends. It reports
 * the 1-based line on which each record starts, so errors point at the right line even after quoted
 * multi-line fields.
 */
final class ReferenceCsvReader {
  /** One record and the line it starts on. */
  record Record(long line, List<String> fields) {}

  /** A syntax error (unterminated quote, text after a closing quote). */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    SyntaxError(long line, String message) {
      super(message);
      this.line = line;
    }
  }

  private final Reader in;
  private long line = 1;
  private int peeked = -2;

  ReferenceCsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end of input. Blank lines are skipped. */
  @Nullable Record next() throws IOException, SyntaxError {
    while (true) {
      int c = peek();
      if (c == -1) {
        return null;
      }
      if (c == '\n' || c == '\r') {
        newline();
        continue;
      }
      return record();
    }
  }

  private Record record() throws IOException, SyntaxError {
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      int c = read();
      if (c == '"' && field.length() == 0) {
        quoted(field, start);
        int after = peek();
        if (after != ',' && after != '\n' && after != '\r' && after != -1) {
          throw new SyntaxError(line, "unexpected character after a closing quote");
        }
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r' || c == -1) {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        if (c != -1) {
          line++;
        }
        fields.add(field.toString());
        return new Record(start, fields);
      } else {
        field.append((char) c);
      }
    }
  }

  private void quoted(StringBuilder field, long start) throws IOException, SyntaxError {
    while (true) {
      int c = read();
      if (c == -1) {
        throw new SyntaxError(start, "a quoted field is not closed");
      }
      if (c == '"') {
        if (peek() == '"') {
          read();
          field.append('"');
          continue;
        }
        return;
      }
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        line++;
        field.append('\n');
        continue;
      }
      field.append((char) c);
    }
  }

  private void newline() throws IOException {
    int c = read();
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
    }
    return peeked;
  }

  private int read() throws IOException {
    int c = peek();
    peeked = -2;
    return c;
  }
}
