package io.companyos.sources.files;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Turns every line end into {@code \n}: CRLF becomes LF and a lone CR becomes LF, inside quoted fields too. The
 * files source has always read quoted line breaks as {@code \n} and any of CR, LF, CRLF as a line end; doing it
 * here, before the parser, keeps both rules in one place, notes a quoted field left open at the end of the input, and spares the parser lone CRs (FastCSV 4.1 drops a
 * record whose last field is quoted and holds a lone CR; see docs/adr/0002-csv-parser.md).
 */
final class LineEndReader extends FilterReader {
  private boolean afterCr;
  // Quote state, to tell at the end whether a quoted field was left open (FastCSV reads it to the end silently).
  private boolean fieldStart = true;
  private boolean inQuotes;
  private boolean quoteInQuotes;
  private boolean unclosedQuote;

  LineEndReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    return read(one, 0, 1) == -1 ? -1 : one[0];
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    while (true) {
      int n = in.read(buf, off, len);
      if (n <= 0) {
        unclosedQuote = n == -1 && inQuotes && !quoteInQuotes;
        return n;
      }
      int w = off;
      for (int r = off; r < off + n; r++) {
        char c = buf[r];
        if (c == '\n' && afterCr) {
          afterCr = false; // the LF of a CRLF: its CR already became the LF
          continue;
        }
        afterCr = c == '\r';
        if (afterCr) {
          c = '\n';
        }
        buf[w++] = c;
        if (inQuotes) {
          if (quoteInQuotes) {
            quoteInQuotes = false;
            if (c == '"') {
              continue; // a doubled quote
            }
            inQuotes = false; // the quote closed the field; c is outside it
          } else {
            quoteInQuotes = c == '"';
            continue;
          }
        }
        inQuotes = fieldStart && c == '"';
        fieldStart = c == ',' || c == '\n';
      }
      if (w > off) {
        return w - off;
      }
      // the chunk was a single LF after a CR: read on
    }
  }

  /** Whether the input ended inside a quoted field (known once the end was read). */
  boolean endedInsideQuotes() {
    return unclosedQuote;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException("skip");
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
