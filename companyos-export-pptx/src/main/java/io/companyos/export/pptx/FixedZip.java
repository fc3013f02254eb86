package io.companyos.export.pptx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a ZIP package with every entry stamped with one fixed local date-time, in the original entry
 * order and with no extra fields, so that equal contents give equal bytes. (POI stamps entries with the
 * time of writing.) Embedded packages (a chart's workbook) are rewritten the same way.
 */
final class FixedZip {
  private FixedZip() {}

  /** Copies the package {@code zip} to {@code out} with all entry times set to {@code time}. */
  static void copy(byte[] zip, LocalDateTime time, OutputStream out) throws IOException {
    ZipOutputStream zout = new ZipOutputStream(new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush(); // an embedded package must not close the outer one
      }
    });
    zout.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(time);
        copy.setMethod(ZipEntry.DEFLATED);
        zout.putNextEntry(copy);
        if (e.getName().endsWith(".xlsx")) {
          // An embedded workbook (a chart's data) is a package too, stamped the same way.
          copy(in.readAllBytes(), time, zout);
        } else {
          in.transferTo(zout);
        }
        zout.closeEntry();
      }
    }
    zout.finish();
  }
}
