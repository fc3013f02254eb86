package io.companyos.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads text files that must be UTF-8 (definitions, the directory, settings, logs, CSV input). A file
 * that is not UTF-8 fails with {@link NotUtf8}, which says where the first bad byte is, instead of the
 * JDK's bare "Input length = 1". A byte order mark at the start is dropped.
 */
public final class TextFiles {
  private TextFiles() {}

  /** The file is not UTF-8: the first byte that cannot be decoded, its offset and line. */
  public static final class NotUtf8 extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final int line;
    private final int column;
    private final int value;

    NotUtf8(long offset, int line, int column, int value) {
      this.offset = offset;
      this.line = line;
      this.column = column;
      this.value = value;
    }

    /** Offset of the first bad byte, from 0. */
    public long offset() {
      return offset;
    }

    /** The line (from 1) that holds it. */
    public int line() {
      return line;
    }

    /** Its column (from 1) on that line, counted in bytes. */
    public int column() {
      return column;
    }

    /** {@code file:line:column}, the way errors locate it. */
    public String location(Object file) {
      return file + ":" + line + ":" + column;
    }

    @Override
    public String getMessage() {
      return String.format(Locale.ROOT, "the file is not UTF-8 text: byte 0x%02X at offset %d (line %d) is not valid UTF-8",
          value, offset, line);
    }
  }

  /** The text of {@code file}, decoded strictly as UTF-8, without a leading byte order mark. */
  public static String readUtf8(Path file) throws IOException {
    return decode(Files.readAllBytes(file));
  }

  /** {@code bytes} decoded strictly as UTF-8, without a leading byte order mark. */
  public static String decode(byte[] bytes) throws NotUtf8 {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new NotUtf8(at, line, at - lineStart + 1, bytes[at] & 0xff);
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
