package io.companyos.sources.files;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The files source's CSV reader before it read bytes ({@link CsvReader}), kept as the reference the byte reader is
 * compared with. RFC 4180 records read with FastCSV (see docs/adr/0002-csv-parser.md): comma-separated fields, double quotes
 * around fields that contain commas, quotes or line breaks, {@code ""} for a quote inside a quoted field, CR, LF
 * or CRLF line ends; blank lines are skipped and records may have any number of fields. Line breaks inside quoted
 * fields read as {@code \n} ({@link LineEndReader}). Each record carries the 1-based physical line it starts on, so errors point at the
 * right line even after quoted multi-line fields.
 */
final class FastCsvReader implements Closeable {
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

  private final de.siegmar.fastcsv.reader.CsvReader<Record> csv;
  private final Iterator<Record> records;
  private final Fields handler = new Fields();
  private final LineEndReader input;

  FastCsvReader(Reader in) {
    this.input = new LineEndReader(in);
    this.csv = de.siegmar.fastcsv.reader.CsvReader.builder()
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(false)
        .build(handler, input);
    this.records = csv.iterator();
  }

  /** The next record, or null at the end of input. */
  @Nullable Record next() throws IOException, SyntaxError {
    try {
      if (!records.hasNext()) {
        return null;
      }
      Record r = records.next();
      if (input.endedInsideQuotes() && !records.hasNext()) {
        throw new SyntaxError(r.line(), "a quoted field is not closed");
      }
      return r;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (CsvParseException e) {
      throw syntaxError(e);
    }
  }

  private SyntaxError syntaxError(CsvParseException e) {
    String detail = Objects.toString(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    if (detail.contains("closing quote")) {
      return new SyntaxError(handler.line, "unexpected character after a closing quote");
    }
    return new SyntaxError(handler.line, "cannot read this record: " + detail);
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }

  /** Collects the fields of one record as Strings; quoted line breaks become {@code \n}. */
  private static final class Fields extends CsvCallbackHandler<Record> {
    private String[] fields = new String[16];
    private int count;
    private RecordType type = RecordType.DATA;
    long line;

    @Override
    protected RecordType getRecordType() {
      return type;
    }

    @Override
    protected int getFieldCount() {
      return count;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
      count = 0;
      type = RecordType.DATA;
      line = startingLineNumber;
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
      if (count == fields.length) {
        fields = Arrays.copyOf(fields, count * 2);
      }
      fields[count++] = new String(buf, offset, len);
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
      throw new IllegalStateException("comments are not enabled");
    }

    @Override
    protected void setEmpty() {
      type = RecordType.EMPTY;
    }

    @Override
    protected Record buildRecord() {
      return new Record(line, new ArrayList<>(Arrays.asList(fields).subList(0, count)));
    }
  }
}
