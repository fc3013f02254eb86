package io.companyos.benchmarks.ingest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.RecordType;
import io.companyos.model.data.Change;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.DoraScan;
import io.companyos.sources.files.FilesSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CSV parser candidates on {@code changes.csv} of {@link FourKeysData} (one thread each): every field of every
 * row is read, so no parser can skip work. MB/s = file size / time. The directory comes from the system
 * property {@code companyos.bench.data} (default {@code target/fourkeys}; generated at scale 0.1 when absent).
 *
 * <ul>
 *   <li>{@code fastcsv-strings}: FastCSV 4, one {@code CsvRecord} (String fields) per row;
 *   <li>{@code fastcsv-callback}: FastCSV 4 with a callback handler that sees each field as a {@code char[]}
 *       range (no String per field) — what a zero-garbage reader builds on;
 *   <li>{@code jackson-csv}: Jackson's streaming CSV parser, a token per field;
 *   <li>{@code duckdb}: DuckDB over JDBC, one thread, summing field lengths in SQL;
 *   <li>{@code files-source}: the {@code files} source's records of all time, each read (its id and time); a plain
 *       changes.csv is kept in columns and its records are made as they are read;
 *   <li>{@code dora-scan}: the byte scan behind {@code score dora} ({@code DoraScan}, up to two threads) over
 *       deployments.csv and changes.csv for all time; its MB/s counts the bytes of both files;
 *   <li>{@code files-source-deployments}: the {@code files} source's deployments of all time, each read (its id, its
 *       changes and its status); a plain deployments.csv is kept in columns; its MB/s counts deployments.csv;
 *   <li>{@code files-source-incidents}: the {@code files} source's incidents of all time, each read (its id, its time
 *       and its severity), by the record path every kind without columns takes; its MB/s counts incidents.csv.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class CsvParseBenchmark {
  @Param({"fastcsv-strings", "fastcsv-callback", "jackson-csv", "duckdb", "files-source", "dora-scan", "files-source-deployments",
      "files-source-incidents"})
  public String parser;

  Path dir;
  Path file;

  @Setup
  public void data() throws IOException {
    dir = Path.of(System.getProperty("companyos.bench.data", "target/fourkeys"));
    if (!Files.isRegularFile(dir.resolve("changes.csv"))) {
      FourKeysData.write(dir, 0.1);
    }
    file = dir.resolve("changes.csv");
    System.out.printf("%n%s: %.1f MB%n", file, Files.size(file) / 1e6);
  }

  @Benchmark
  public long parse() throws Exception {
    return switch (parser) {
      case "fastcsv-strings" -> fastCsvStrings(file);
      case "fastcsv-callback" -> fastCsvCallback(file);
      case "jackson-csv" -> jackson(file);
      case "duckdb" -> duckDb(file);
      case "files-source" -> filesSource(dir);
      case "dora-scan" -> doraScan(dir);
      case "files-source-deployments" -> filesSourceDeployments(dir);
      case "files-source-incidents" -> filesSourceIncidents(dir);
      default -> throw new IllegalArgumentException(parser);
    };
  }

  static long fastCsvStrings(Path file) throws IOException {
    long sum = 0;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
      for (CsvRecord r : csv) {
        for (int i = 0; i < r.getFieldCount(); i++) {
          sum += r.getField(i).length();
        }
      }
    }
    return sum;
  }

  /** Counts field characters without making Strings. */
  static final class Lengths extends CsvCallbackHandler<Long> {
    long sum;
    int fields;

    @Override
    protected RecordType getRecordType() {
      return RecordType.DATA;
    }

    @Override
    protected int getFieldCount() {
      return fields;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
      fields = 0;
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
      fields++;
      sum += len + buf[offset];
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {}

    @Override
    protected void setEmpty() {}

    @Override
    protected Long buildRecord() {
      return sum;
    }
  }

  static long fastCsvCallback(Path file) throws IOException {
    Lengths handler = new Lengths();
    try (CsvReader<Long> csv = CsvReader.builder().build(handler, file)) {
      for (Long ignored : csv) {
        // the handler sums
      }
    }
    return handler.sum;
  }

  static long jackson(Path file) throws IOException {
    long sum = 0;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CsvParser p = new CsvMapper().getFactory().createParser(in)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_STRING) {
          sum += p.getTextLength();
        }
      }
    }
    return sum;
  }

  static long duckDb(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads = 1");
      try (ResultSet r = s.executeQuery("SELECT sum(length(change_id) + length(time_created)) FROM read_csv('"
          + file.toAbsolutePath() + "', header = true, auto_detect = false, columns = {'change_id': 'VARCHAR', 'time_created': 'VARCHAR'})")) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  static long doraScan(Path dir) throws IOException {
    TimeWindow all = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));
    return DoraScan.scan(dir, all).orElseThrow().leadHours().length;
  }

  /** Every deployment of all time read: its id's length, its changes and its status summed. */
  static long filesSourceDeployments(Path dir) {
    TimeWindow all = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));
    long sum = 0;
    for (io.companyos.model.data.Deployment d : new FilesSource("bench", dir, true, Clock.systemUTC())
        .records(RecordKind.DEPLOYMENTS, all).rows()) {
      sum += d.deployId().length() + d.changes().size() + d.status().ordinal();
    }
    return sum;
  }

  static long filesSourceIncidents(Path dir) {
    TimeWindow all = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));
    long sum = 0;
    for (io.companyos.model.data.Incident i : new FilesSource("bench", dir, true, Clock.systemUTC())
        .records(RecordKind.INCIDENTS, all).rows()) {
      sum += i.incidentId().length() + i.timeCreated().getNano() + i.severity().length();
    }
    return sum;
  }

  /** Every record of all time read: its id's length and its time summed (records made when read count as read). */
  static long filesSource(Path dir) {
    TimeWindow all = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));
    long sum = 0;
    for (Change c : new FilesSource("bench", dir, true, Clock.systemUTC()).records(RecordKind.CHANGES, all).rows()) {
      sum += c.changeId().length() + c.timeCreated().getNano();
    }
    return sum;
  }
}
