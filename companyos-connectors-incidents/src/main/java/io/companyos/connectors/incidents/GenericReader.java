package io.companyos.connectors.incidents;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.companyos.model.data.Incident;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Any other tool's incidents: a CSV file with a header row, or a JSON list of objects, each field of the incident
 * record read from the column or member the mapping names ({@link Columns}); the severity goes through the
 * priority mapping.
 */
final class GenericReader {
  private GenericReader() {}

  /** One row or object: the text of a field (null when empty or absent) and where it is. */
  private interface Entry {
    @Nullable String value(String field);

    int line(String field);

    int column(String field);
  }

  static void readCsv(Reader in, ReadContext ctx) throws IOException, ExportProblem {
    ctx.format = "incident CSV";
    Columns columns = ctx.settings.columns();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(false).ofCsvRecord(in)) {
      Iterator<CsvRecord> records = csv.iterator();
      if (!hasNext(records, 0)) {
        throw new ExportProblem(IncidentExportException.MALFORMED, 1, 0, "the file is empty, so it holds no incidents (not zero)", null);
      }
      CsvRecord header = next(records, 0);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.getFieldCount(); i++) {
        String name = header.getField(i).strip();
        if (i == 0 && name.startsWith("\uFEFF")) {
          name = name.substring(1);
        }
        index.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
      }
      int headerLine = (int) header.getStartingLineNumber();
      for (String field : Columns.REQUIRED) {
        if (!index.containsKey(columns.of(field).toLowerCase(Locale.ROOT))) {
          throw new ExportProblem(IncidentExportException.MISSING, headerLine, 0, "no column '" + columns.of(field) + "' for "
              + field + " (columns: " + String.join(", ", header.getFields()) + ")",
              "name the column with the option 'column." + field + ": <header>'");
        }
      }
      Map<String, String> seen = new HashMap<>();
      int line = headerLine;
      while (hasNext(records, line)) {
        CsvRecord r = next(records, line);
        line = (int) r.getStartingLineNumber();
        int at = line;
        ctx.each(new Entry() {
          @Override
          public @Nullable String value(String field) {
            Integer i = index.get(columns.of(field).toLowerCase(Locale.ROOT));
            if (i == null || i >= r.getFieldCount() || r.getField(i).isBlank()) {
              return null;
            }
            return r.getField(i).strip();
          }

          @Override
          public int line(String field) {
            return at;
          }

          @Override
          public int column(String field) {
            return 0;
          }
        }, e -> incident(e, at, 0, seen, ctx));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Whether another record follows; a syntax error (an unterminated quote, text after a closing quote) is located at
   * the line after the last record read, where the bad record starts.
   */
  private static boolean hasNext(Iterator<CsvRecord> records, int lastLine) {
    try {
      return records.hasNext();
    } catch (CsvParseException e) {
      throw new ExportProblem(IncidentExportException.MALFORMED, lastLine + 1, 0, "not well-formed CSV: " + message(e), null);
    }
  }

  private static CsvRecord next(Iterator<CsvRecord> records, int lastLine) {
    try {
      return records.next();
    } catch (CsvParseException e) {
      throw new ExportProblem(IncidentExportException.MALFORMED, lastLine + 1, 0, "not well-formed CSV: " + message(e), null);
    }
  }

  private static String message(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable c = e.getCause();
    return c != null && c.getMessage() != null ? m + ": " + c.getMessage() : m;
  }

  static void readJson(LocatedJson root, ReadContext ctx) {
    ctx.format = "incident JSON";
    Columns columns = ctx.settings.columns();
    String member = ctx.settings.list();
    LocatedJson list = member == null ? root : root.path(member);
    if (!list.isArray()) {
      throw new ExportProblem(IncidentExportException.UNKNOWN_FORMAT, list, member == null
          ? "not an incident export this source reads (a PagerDuty incidents or log entries page, or a list of incidents)"
          : "'" + member + "' is " + list.typeName() + ", not a list of incidents",
          member == null ? "for a list inside an object, name its member with the option 'list'" : null);
    }
    Map<String, String> seen = new HashMap<>();
    for (LocatedJson item : list.items()) {
      ctx.each(item, j -> {
        if (!j.isObject()) {
          throw new ExportProblem(IncidentExportException.MISSING, j, "an incident is " + j.typeName() + ", not an object", null);
        }
        incident(new Entry() {
          @Override
          public @Nullable String value(String field) {
            LocatedJson v = j.path(columns.of(field));
            String s = v.scalar();
            if (s == null && !v.isAbsent()) {
              throw new ExportProblem(IncidentExportException.MISSING, v, columns.of(field) + " is " + v.typeName() + ", not text", null);
            }
            return s;
          }

          @Override
          public int line(String field) {
            return j.path(columns.of(field)).line;
          }

          @Override
          public int column(String field) {
            return j.path(columns.of(field)).column;
          }
        }, j.line, j.column, seen, ctx);
      });
    }
  }

  private static void incident(Entry e, int line, int column, Map<String, String> seen, ReadContext ctx) {
    Columns columns = ctx.settings.columns();
    for (String field : Columns.REQUIRED) {
      if (e.value(field) == null) {
        throw new ExportProblem(IncidentExportException.MISSING, e.line(field), e.column(field),
            "an incident has no " + columns.of(field) + " (" + field + ")", null);
      }
    }
    String id = e.value("incident_id");
    String what = "incident " + id;
    String earlier = seen.putIfAbsent(id, line + (column > 0 ? ":" + column : ""));
    if (earlier != null) {
      throw new ExportProblem(IncidentExportException.INVALID, e.line("incident_id"), e.column("incident_id"),
          what + " repeats the one at line " + earlier + "; ids must be unique in a file", null);
    }
    Instant created = ctx.time(e.value("time_created"), columns.of("time_created"), e.line("time_created"), e.column("time_created"));
    String resolvedText = e.value("time_resolved");
    Instant resolved = resolvedText == null ? null
        : ctx.time(resolvedText, columns.of("time_resolved"), e.line("time_resolved"), e.column("time_resolved"));
    String severity = ctx.priority(e.value("severity"), what, e.line("severity"), e.column("severity"));
    ctx.add(new Incident(id, created, resolved, severity, e.value("service"), e.value("title"), e.value("root_cause_deploy")),
        null, false, line, column);
  }
}
