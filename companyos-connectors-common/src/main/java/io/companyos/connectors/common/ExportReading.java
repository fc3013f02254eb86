package io.companyos.connectors.common;

import io.companyos.sources.SourceUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * One reading of an export connector's files, in strict or lenient mode: in strict mode the first bad file or entry
 * fails the query with the connector's located, coded error; in lenient mode it is left out, listed as a
 * {@link SkippedInput} and counted in the provenance. It also keeps what the provenance says of each file
 * ({@code name (format)} or {@code name (not read)}). Every export connector reads this way, so the mode means the
 * same in each.
 */
public final class ExportReading {
  /** Makes the connector's located error, e.g. {@code SecurityExportException::new}. */
  @FunctionalInterface
  public interface Errors {
    /**
     * The error strict mode throws.
     *
     * @param code the error code
     * @param sourceId the source that read the export
     * @param file the export, as named in provenance
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param message what is wrong
     * @param hint what to do about it
     * @return the error
     */
    LocatedExportException error(String code, String sourceId, String file, int line, int column, String message,
        @Nullable String hint);
  }

  /** Reads one file of {@link #eachFile}. */
  @FunctionalInterface
  public interface FileReader {
    /**
     * Reads {@code file}, keeping what it finds only when it returns (an exception leaves the file out whole).
     *
     * @param file the file
     * @param entries the file's name and order, and the place its bad entries are skipped
     * @return the format the provenance names the file by, e.g. {@code SARIF 2.1.0}
     * @throws IOException when the file cannot be read at all
     * @throws LocatedJson.Malformed when it is not well-formed JSON
     * @throws ExportProblem when the file as a whole is bad
     */
    String read(Path file, FileEntries entries) throws IOException, LocatedJson.Malformed;
  }

  /**
   * The entries of one file: a bad entry stops the read in strict mode and is skipped in lenient mode. What it skipped
   * counts only when the whole file is read ({@link ExportReading#read}); a file that fails after all is left out with
   * its entries.
   */
  public final class FileEntries {
    private final String name;
    private final long order;
    private final List<SkippedInput> skipped = new ArrayList<>();

    private FileEntries(String name, long order) {
      this.name = name;
      this.order = order;
    }

    /**
     * The file, as named in provenance.
     *
     * @return its name
     */
    public String name() {
      return name;
    }

    /**
     * The file's place in reading order, from 0.
     *
     * @return the order
     */
    public long order() {
      return order;
    }

    /**
     * A bad entry.
     *
     * @param problem what is wrong with it
     * @throws ExportProblem {@code problem} itself, in strict mode
     */
    public void skip(ExportProblem problem) {
      if (strict) {
        throw problem;
      }
      skipped.add(SkippedInput.of(name, problem));
    }

    /**
     * Reads one entry with {@code read}; an {@link ExportProblem} it throws is {@linkplain #skip skipped}.
     *
     * @param <T> the entry's type
     * @param item the entry
     * @param read its reader
     */
    public <T> void each(T item, Consumer<T> read) {
      try {
        read.accept(item);
      } catch (ExportProblem p) {
        skip(p);
      }
    }
  }

  private static final String LENIENT = "set 'mode: lenient' to skip it and report it";

  private final String sourceId;
  private final Path root;
  private final boolean strict;
  private final Errors errors;
  private final List<SkippedInput> skipped = new ArrayList<>();
  private final List<String> described = new ArrayList<>();
  private long files;

  /**
   * A reading.
   *
   * @param sourceId the source, named in errors and in the log
   * @param root the configured file or folder
   * @param strict true for strict mode, false for lenient
   * @param errors makes the connector's error
   */
  public ExportReading(String sourceId, Path root, boolean strict, Errors errors) {
    this.sourceId = sourceId;
    this.root = root;
    this.strict = strict;
    this.errors = errors;
  }

  /**
   * Whether this reading is strict.
   *
   * @return true in strict mode
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Reads each of {@code files} with {@code reader}, in order. A file that is not well-formed JSON fails with
   * {@code malformedCode}; one whose reader throws an {@link ExportProblem} with the problem's code; either way, in
   * lenient mode, the file is left out and described as {@code (not read)}.
   *
   * @param files the files, as {@link ExportFiles#list} gives them
   * @param malformedCode the connector's code for JSON that is not well-formed
   * @param malformedHint what to do about such a file
   * @param reader reads one file
   * @throws SourceUnavailableException when a file cannot be read at all
   */
  public void eachFile(List<Path> files, String malformedCode, String malformedHint, FileReader reader) {
    for (Path file : files) {
      FileEntries entries = file(ExportFiles.name(root, file));
      String format;
      try {
        format = reader.read(file, entries);
      } catch (LocatedJson.Malformed e) {
        fail(entries.name, malformedCode, e.line, e.column, e.getMessage(), malformedHint);
        notRead(entries.name);
        continue;
      } catch (ExportProblem p) {
        fail(entries.name, p);
        notRead(entries.name);
        continue;
      } catch (IOException e) {
        throw new SourceUnavailableException(sourceId, "cannot read " + file + ": " + e.getMessage(), e);
      }
      read(entries, format);
    }
  }

  /**
   * Starts reading one file by hand, for a connector whose files are not read one by one ({@link #eachFile}).
   *
   * @param name the file, as named in provenance
   * @return its entries, numbered after the files before it
   */
  public FileEntries file(String name) {
    return new FileEntries(name, files++);
  }

  /**
   * A file read whole: what it skipped counts, and the provenance names it {@code name (format)}.
   *
   * @param entries the file
   * @param format the format it was read as
   */
  public void read(FileEntries entries, String format) {
    skipped.addAll(entries.skipped);
    described.add(entries.name + " (" + format + ")");
  }

  /**
   * A file (or an archive) the provenance names by its own words, {@code name (what)}.
   *
   * @param name the file
   * @param what what was read in it
   */
  public void described(String name, String what) {
    described.add(name + " (" + what + ")");
  }

  /**
   * A file left out whole: the provenance names it {@code name (not read)}.
   *
   * @param name the file
   */
  public void notRead(String name) {
    described(name, "not read");
  }

  /**
   * A bad file or entry: the connector's located error in strict mode, a skipped input in lenient mode.
   *
   * @param file the export, as named in provenance
   * @param code the error code
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param message what is wrong
   * @param hint what to do about it, or null; the error adds that lenient mode would skip it
   * @throws LocatedExportException in strict mode
   */
  public void fail(String file, String code, int line, int column, String message, @Nullable String hint) {
    if (strict) {
      throw errors.error(code, sourceId, file, line, column, message,
          hint != null ? hint + "; or " + LENIENT : "fix it, or " + LENIENT);
    }
    skipped.add(new SkippedInput(file, line, column, code, message));
  }

  /**
   * A reader's problem with a file, as {@link #fail(String, String, int, int, String, String)} takes it.
   *
   * @param file the export, as named in provenance
   * @param problem what is wrong, and where
   * @throws LocatedExportException in strict mode
   */
  public void fail(String file, ExportProblem problem) {
    fail(file, problem.code, problem.line, problem.column, problem.getMessage(), problem.hint);
  }

  /**
   * A bad entry, skipped at once (not only when its file is read whole).
   *
   * @param file the export, as named in provenance
   * @param problem what is wrong
   * @throws ExportProblem {@code problem} itself, in strict mode
   */
  public void skip(String file, ExportProblem problem) {
    if (strict) {
      throw problem;
    }
    skipped.add(SkippedInput.of(file, problem));
  }

  /**
   * What lenient mode left out so far, in reading order.
   *
   * @return an unmodifiable copy
   */
  public List<SkippedInput> skipped() {
    return List.copyOf(skipped);
  }

  /**
   * The provenance's query: each file as described, or {@code nothingRead} when there was none; then each of
   * {@code notes}; then {@code N bad entries skipped}, which is also logged as a warning with the first of them.
   *
   * @param nothingRead the text for no files at all, e.g. {@code no exports in security}
   * @param notes what else the provenance says, in order
   * @param exports what the log calls the files, e.g. {@code vulnerability exports}
   * @param log the source's logger
   * @return the query
   */
  public String query(String nothingRead, List<String> notes, String exports, Logger log) {
    StringBuilder query = new StringBuilder(described.isEmpty() ? nothingRead : String.join(", ", described));
    for (String note : notes) {
      query.append("; ").append(note);
    }
    if (!skipped.isEmpty()) {
      int n = skipped.size();
      query.append("; ").append(n).append(" bad ").append(n == 1 ? "entry" : "entries").append(" skipped");
      log.warn("{}: skipped {} bad entries of the {} (lenient mode); first: {}", sourceId, n, exports, skipped.get(0));
    }
    return query.toString();
  }
}
