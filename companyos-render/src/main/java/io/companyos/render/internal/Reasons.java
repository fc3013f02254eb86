package io.companyos.render.internal;

import io.companyos.model.base.CompanyOsException;
import java.util.regex.Pattern;

/**
 * Why something is not available, in words a pack can show. A problem that has a place (a bad row of a data
 * file, a bad entry of an export) reads as the CLI prints it, {@code incidents.csv:6: COS-SRC-003 ...}, so the
 * reader of a pack learns the file, the line and the code, not only the message.
 */
public final class Reasons {
  /** A reason that starts with a location and a code: {@code file: CODE }, {@code file:6: CODE }, {@code file:3:7: CODE }. */
  private static final Pattern LOCATED = Pattern.compile("\\S+?(:[0-9]+){0,2}: COS-[A-Z]+-[0-9]+ ");

  private Reasons() {}

  /** The located form of {@code t} when it has a location, else its message (or its kind when it has none). */
  public static String of(Throwable t) {
    if (t instanceof CompanyOsException c && c.location() != null) {
      return c.location() + ": " + c.code() + " " + c.getMessage();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  /** True when {@code reason} starts with a location and a code, as {@link #of} writes a located problem. */
  public static boolean isLocated(String reason) {
    return LOCATED.matcher(reason).lookingAt();
  }
}
