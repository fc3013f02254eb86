package io.companyos.sources.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 records read straight from UTF-8 bytes, for the files source's record path: the same records, lines and
 * errors as FastCSV configured as the files source used it, without decoding the file to characters first
 * (docs/adr/0002-csv-parser.md; a test compares the two). Comma-separated fields; a field that starts with a double quote is quoted, {@code ""}
 * inside it is a quote, and it must be followed by a comma or a line end; a quote elsewhere is a literal character.
 * CR, LF and CRLF end a line, and read as {@code \n} inside quoted fields; empty lines are skipped; records may have
 * any number of fields. Each record carries the 1-based physical line it starts on. Bytes that are not UTF-8 raise
 * a {@link CharacterCodingException}, as the files source's decoding reader does.
 *
 * <p>Separators, quotes and line ends are ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII, so the fields are
 * found in the bytes and each field is decoded once: an ASCII field is one copy into a Latin-1 string.
 */
final class CsvReader implements Closeable {
  /** One record and the line it starts on. */
  record Record(long line, List<String> fields) {}

  /** A syntax error (an unterminated quote, text after a closing quote), on the line its record starts. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    SyntaxError(long line, String message) {
      super(message);
      this.line = line;
    }
  }

  private static final int MIN_BUFFER = 1 << 16;

  private final InputStream in;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  /** The physical line {@code pos} is on. */
  private long line = 1;
  private final CsvFieldDecoder decoder = new CsvFieldDecoder();
  private byte[] quoted = new byte[256];
  private String[] fields = new String[16];

  CsvReader(InputStream in) {
    this(in, MIN_BUFFER);
  }

  CsvReader(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[Math.max(16, bufferSize)];
  }

  /** The next record, or null at the end of input. */
  @Nullable Record next() throws IOException, SyntaxError {
    while (true) {
      int start = pos;
      long startLine = line;
      int result = parse();
      if (result == RECORD) {
        return record;
      }
      if (result == END) {
        return null;
      }
      // MORE: the record runs past the buffer; read on and parse it again from its start.
      pos = start;
      line = startLine;
      fill();
    }
  }

  private static final int RECORD = 0;
  private static final int END = 1;
  private static final int MORE = 2;

  private @Nullable Record record;

  /** Parses one record from {@code pos}: RECORD (in {@link #record}), END of input, or MORE bytes needed. */
  private int parse() throws IOException, SyntaxError {
    byte[] b = buf;
    int p = pos;
    int lim = limit;
    // Skip empty lines.
    while (true) {
      if (p >= lim) {
        if (!eof) {
          pos = p;
          return MORE;
        }
        pos = p;
        return END;
      }
      byte c = b[p];
      if (c == '\n') {
        p++;
        line++;
      } else if (c == '\r') {
        if (p + 1 >= lim && !eof) {
          pos = p;
          return MORE;
        }
        p += p + 1 < lim && b[p + 1] == '\n' ? 2 : 1;
        line++;
      } else {
        break;
      }
    }
    pos = p;
    long recordLine = line;
    long lines = 0;
    int count = 0;
    while (true) {
      String field;
      if (p < lim && b[p] == '"') {
        // A quoted field: copy its bytes, "" as one quote and any line end as LF.
        p++;
        int q = 0;
        boolean closed = false;
        while (true) {
          if (p >= lim) {
            if (!eof) {
              return MORE;
            }
            break;
          }
          byte c = b[p];
          if (c == '"') {
            if (p + 1 >= lim && !eof) {
              return MORE;
            }
            if (p + 1 < lim && b[p + 1] == '"') {
              q = put(q, (byte) '"');
              p += 2;
              continue;
            }
            p++;
            closed = true;
            break;
          }
          if (c == '\r') {
            if (p + 1 >= lim && !eof) {
              return MORE;
            }
            p += p + 1 < lim && b[p + 1] == '\n' ? 2 : 1;
            lines++;
            q = put(q, (byte) '\n');
            continue;
          }
          if (c == '\n') {
            lines++;
          }
          q = put(q, c);
          p++;
        }
        field = decoder.decode(quoted, 0, q);
        if (!closed) {
          throw new SyntaxError(recordLine, "a quoted field is not closed");
        }
        if (p < lim && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
          throw new SyntaxError(recordLine, "unexpected character after a closing quote");
        }
      } else {
        int s = p;
        while (p < lim) {
          byte c = b[p];
          if (c == ',' || c == '\n' || c == '\r') {
            break;
          }
          p++;
        }
        if (p >= lim && !eof) {
          return MORE;
        }
        field = decoder.decode(b, s, p - s);
      }
      if (count == fields.length) {
        fields = Arrays.copyOf(fields, count * 2);
      }
      fields[count++] = field;
      if (p >= lim) {
        break; // the end of input ends the record
      }
      byte c = b[p];
      if (c == ',') {
        p++;
        continue;
      }
      // A line end ends the record.
      if (c == '\r') {
        if (p + 1 >= lim && !eof) {
          return MORE;
        }
        p += p + 1 < lim && b[p + 1] == '\n' ? 2 : 1;
      } else {
        p++;
      }
      lines++;
      break;
    }
    pos = p;
    line += lines;
    record = new Record(recordLine, Arrays.asList(Arrays.copyOf(fields, count)));
    return RECORD;
  }

  private int put(int q, byte c) {
    if (q == quoted.length) {
      quoted = Arrays.copyOf(quoted, q * 2);
    }
    quoted[q] = c;
    return q + 1;
  }

  /** Keeps the bytes from {@code pos} on and reads more after them, noting the end of input. */
  private void fill() throws IOException {
    int keep = limit - pos;
    if (pos == 0 && keep == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
    } else if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, keep);
    }
    pos = 0;
    limit = keep;
    int want = buf.length - limit;
    int n = in.readNBytes(buf, limit, want);
    limit += n;
    eof = n < want;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Decodes field bytes as UTF-8, failing on malformed input. An ASCII field is one copy, and a short one that came
   * before (an id, an event name, a label: exports repeat them on most rows) is the String made then, from a small
   * table of recent values, so a file of millions of rows holds thousands of distinct Strings, not millions.
   */
  static final class CsvFieldDecoder {
    private static final int SHORT = 40;
    private static final int SLOTS = 1 << 12;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final String[] values = new String[SLOTS];
    /** The hash of the value in the same slot: a different value is told apart without reading its String. */
    private final int[] hashes = new int[SLOTS];

    String decode(byte[] b, int off, int len) throws CharacterCodingException {
      int h = 0;
      for (int i = off; i < off + len; i++) {
        byte c = b[i];
        if (c < 0) {
          CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(b, off, len));
          return chars.toString();
        }
        h = 31 * h + c;
      }
      if (len > SHORT) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
      }
      int slot = (h ^ (h >>> 13)) & (SLOTS - 1);
      String known = values[slot];
      if (known != null && hashes[slot] == h && sameAscii(known, b, off, len)) {
        return known;
      }
      String v = new String(b, off, len, StandardCharsets.ISO_8859_1);
      values[slot] = v;
      hashes[slot] = h;
      return v;
    }

    private static boolean sameAscii(String s, byte[] b, int off, int len) {
      if (s.length() != len) {
        return false;
      }
      for (int i = 0; i < len; i++) {
        if (s.charAt(i) != b[off + i]) {
          return false;
        }
      }
      return true;
    }
  }
}
