package io.companyos.model.config;

import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in a definition file, located to the line and column (1-based) of the
 * offending key or value, with a hint saying how to fix it.
 *
 * @param file the path or resource name as the user gave it
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when the problem concerns the whole file
 * @param hint what to do about it, e.g. "did you mean 'lookback'?"; null when nothing useful applies
 */
public record ConfigProblem(ProblemCode code, String file, int line, int column, String message,
    @Nullable String hint) {

  /** Orders problems by file, then position, then code. */
  public static final Comparator<ConfigProblem> BY_LOCATION = Comparator.comparing(ConfigProblem::file)
      .thenComparingInt(ConfigProblem::line)
      .thenComparingInt(ConfigProblem::column)
      .thenComparing(ConfigProblem::code);

  public ConfigProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:col}, or just the file when there is no position. */
  public String location() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }

  /**
   * The CLI's one-line form: {@code path:line:col: CODE message (hint)}; control characters a key or
   * value may carry (terminal escape sequences) are shown escaped, never sent to the terminal.
   */
  public String oneLine() {
    return io.companyos.model.base.Redaction.printable(
        location() + ": " + code.code() + " " + message + (hint != null ? " (" + hint + ")" : ""));
  }

  @Override
  public String toString() {
    return oneLine();
  }
}
