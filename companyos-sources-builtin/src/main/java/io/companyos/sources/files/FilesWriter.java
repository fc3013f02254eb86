package io.companyos.sources.files;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceDescription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a source's records as a {@code files} directory, one CSV per record kind the source
 * describes, in the documented layouts. Each file is written to a temporary name and moved into place,
 * so a reader never sees half a file.
 */
public final class FilesWriter {
  private FilesWriter() {}

  /**
   * Exports every record kind {@code source} describes, over {@code window}, into {@code dir}.
   *
   * @return the files written, in layout order
   */
  public static List<Path> export(MetricSource source, TimeWindow window, Path dir) {
    SourceDescription d = source.describe();
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (FileFormat<?> format : FileFormats.all()) {
        if (d.supports(format.kind())) {
          written.add(exportKind(format, source, window, dir));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private static <T> Path exportKind(FileFormat<T> format, MetricSource source, TimeWindow window, Path dir) throws IOException {
    return write(format, source.records(format.kind(), window), dir);
  }

  /** Writes one kind's rows to {@code dir/<kind>.csv}. */
  public static <T> Path write(FileFormat<T> format, Dataset<T> rows, Path dir) throws IOException {
    Path target = dir.resolve(format.fileName());
    io.companyos.model.base.OutputFiles.replace(target, out -> {
      Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
      CsvWriter csv = new CsvWriter(w);
      csv.row(format.columns());
      for (T row : rows.rows()) {
        csv.row(format.writer().apply(row));
      }
      w.flush();
    });
    return target;
  }
}
