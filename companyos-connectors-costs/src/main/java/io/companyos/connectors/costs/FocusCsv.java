package io.companyos.connectors.costs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.model.data.CostRow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FileFormat;
import io.companyos.sources.files.FileFormats;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One FOCUS CSV file, plain or gzip-compressed, read row by row with the row rules of {@code costs.csv}
 * ({@link FileFormats#of}: {@code NULL} cells are empty, times without an offset are UTC, only Credit and Adjustment
 * rows may be negative, …). Header names are matched to the FOCUS names whatever their case; FOCUS 1.3's
 * {@code ServiceProviderName} stands in for {@code ProviderName} when that is absent; vendor columns ({@code x_…}) and
 * any other column are not read; {@code Tags} written as BigQuery's list of key/value pairs is read as the object, and a
 * time as BigQuery writes it to CSV ({@code 2026-10-01 00:00:00 UTC}) as that time in UTC.
 */
final class FocusCsv {
  static final FileFormat<CostRow> FORMAT = FileFormats.of(RecordKind.COSTS).orElseThrow();
  private static final ObjectMapper JSON = new ObjectMapper();

  private FocusCsv() {}

  /**
   * Reads one file; a problem with the file as a whole is thrown, a problem with a row goes to {@code row}, which
   * throws it (strict) or records it (lenient).
   *
   * @param gzip whether the file is gzip-compressed
   */
  static void read(InputStream raw, boolean gzip, Consumer<CostRow> out, Consumer<ExportProblem> bad) throws IOException {
    InputStream in = new BufferedInputStream(raw);
    if (gzip) {
      try {
        in = new GZIPInputStream(in, 1 << 16);
      } catch (ZipException | EOFException e) {
        throw new ExportProblem(CostExportException.MALFORMED, 0, 0, "not a gzip file (" + e.getMessage() + ")",
            "a .gz name is read as gzip; download the file again");
      }
    }
    Reader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    int line = 0;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(false).ofCsvRecord(text)) {
      Iterator<CsvRecord> records = csv.iterator();
      if (!hasNext(records, 0)) {
        throw new ExportProblem(CostExportException.MALFORMED, 1, 0, "the file is empty: no header, so no cost rows (not zero cost)",
            null);
      }
      CsvRecord header = records.next();
      line = (int) header.getStartingLineNumber();
      List<String> columns = columns(header.getFields());
      List<String> missing = missing(columns);
      if (!missing.isEmpty()) {
        throw new ExportProblem(CostExportException.MISSING, line, 0, "no FOCUS column " + String.join(", ", missing)
            + " in the header (columns: " + abbreviate(header.getFields()) + ")", "export with the FOCUS columns (FOCUS 1.0 to 1.3)");
      }
      Function<List<String>, CostRow> rows = rows(columns);
      // A Parquet file written as CSV (FocusParquet) numbers its rows: a bad row is named by its row in that file.
      int parquetRow = columns.indexOf(io.companyos.sources.builtin.internal.ParquetRows.ROW);
      while (hasNext(records, line)) {
        CsvRecord r = records.next();
        line = parquetRow >= 0 && parquetRow < r.getFieldCount()
            ? (int) Math.min(Integer.MAX_VALUE, Long.parseLong(r.getField(parquetRow)) + 1) : (int) r.getStartingLineNumber();
        try {
          out.accept(rows.apply(new ArrayList<>(r.getFields())));
        } catch (FileFormat.BadCell e) {
          bad.accept(new ExportProblem(CostExportException.INVALID, line, 0, e.column() + ": " + e.getMessage(), null));
        }
      }
    } catch (UncheckedIOException e) {
      throw unreadable(e.getCause(), line);
    } catch (CharacterCodingException | ZipException | EOFException e) {
      throw unreadable(e, line);
    }
  }

  /**
   * A reader of rows whose cells come in the order of {@code columns} (named as {@link #columns} names them): BigQuery's
   * {@code Tags} list and times as the FOCUS text, then the rules of {@code costs.csv}. It may change the cells given.
   */
  static Function<List<String>, CostRow> rows(List<String> columns) {
    int tags = columns.indexOf("Tags");
    int start = columns.indexOf("ChargePeriodStart");
    int end = columns.indexOf("ChargePeriodEnd");
    Function<List<String>, CostRow> rows = FORMAT.rows(columns);
    return cells -> {
      if (tags >= 0 && tags < cells.size()) {
        cells.set(tags, tags(cells.get(tags)));
      }
      for (int t : new int[] {start, end}) {
        if (t >= 0 && t < cells.size()) {
          cells.set(t, utc(cells.get(t)));
        }
      }
      return rows.apply(cells);
    };
  }

  /** The required FOCUS columns {@code columns} lacks. */
  static List<String> missing(List<String> columns) {
    return FORMAT.required().stream().filter(c -> !columns.contains(c)).toList();
  }

  private static ExportProblem unreadable(IOException e, int line) throws IOException {
    if (e instanceof CharacterCodingException) {
      return new ExportProblem(CostExportException.MALFORMED, line + 1, 0, "the file is not UTF-8 text", "save it as UTF-8");
    }
    if (e instanceof ZipException || e instanceof EOFException) {
      return new ExportProblem(CostExportException.MALFORMED, line + 1, 0, "the gzip data is damaged or cut short ("
          + e.getMessage() + ")", "download the file again");
    }
    throw e;
  }

  /** The header's names as the row rules know them. */
  static List<String> columns(List<String> header) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String n = header.get(i).strip();
      if (i == 0 && n.startsWith("\uFEFF")) {
        n = n.substring(1);
      }
      String known = n;
      for (String c : FORMAT.columns()) {
        if (c.equalsIgnoreCase(n)) {
          known = c;
        }
      }
      names.add(known);
    }
    if (!names.contains("ProviderName")) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equalsIgnoreCase("ServiceProviderName")) {
          names.set(i, "ProviderName");
        }
      }
    }
    return names;
  }

  private static final java.util.regex.Pattern BIGQUERY_UTC =
      java.util.regex.Pattern.compile("\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)? UTC\\s*");

  /** BigQuery's CSV time {@code 2026-10-01 00:00:00 UTC} as the time without offset FOCUS reads as UTC. */
  static String utc(String cell) {
    return BIGQUERY_UTC.matcher(cell).matches() ? cell.strip().substring(0, cell.strip().length() - 4) : cell;
  }

  /** BigQuery's {@code [{"key": "team", "value": "web"}, …]} as {@code {"team": "web", …}}; anything else as written. */
  static String tags(String cell) {
    String s = cell.strip();
    if (!s.startsWith("[")) {
      return cell;
    }
    try {
      JsonNode list = JSON.readTree(s);
      ObjectNode tags = JSON.createObjectNode();
      for (JsonNode pair : list) {
        JsonNode key = pair.get("key");
        JsonNode value = pair.get("value");
        if (key == null || !key.isTextual()) {
          return cell;
        }
        tags.put(key.asText(), value == null || value.isNull() ? "" : value.asText());
      }
      return JSON.writeValueAsString(tags);
    } catch (JsonProcessingException e) {
      return cell; // the row rules report it as the Tags cell it is
    }
  }

  private static boolean hasNext(Iterator<CsvRecord> records, int lastLine) {
    try {
      return records.hasNext();
    } catch (CsvParseException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException u) {
        throw u;
      }
      throw new ExportProblem(CostExportException.MALFORMED, lastLine + 1, 0, "not well-formed CSV: " + m
          + (c != null && c.getMessage() != null ? ": " + c.getMessage() : ""), null);
    }
  }

  private static String abbreviate(List<String> header) {
    String all = String.join(", ", header);
    return all.length() > 200 ? all.substring(0, 200) + "…" : all;
  }

  static boolean isGzip(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
