package io.companyos.sources.files;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 times with an offset, read without allocating: {@code 2025-03-01T09:30:00Z}, {@code 2025-03-01T09:30Z},
 * {@code 2025-03-01T09:30:00.123456789+02:00}. It accepts exactly what {@link OffsetDateTime#parse(CharSequence)} accepts
 * (the files source's rule since its first release): the common shapes are read here, and anything else (years beyond 9999,
 * offsets with seconds, a bare {@code .} before the offset, invalid dates) is handed to java.time, which
 * either reads it the same way or rejects it with the position of the first bad character. The same reads work on
 * characters and on the bytes of a file (ASCII; other bytes are read as UTF-8 and go to java.time).
 */
public final class IsoTimes {
  /** Returned by the fast path when the text is not one of the shapes it reads. */
  private static final long NOT_FAST = Long.MIN_VALUE;

  private IsoTimes() {}

  /** A time that cannot be read, with the 0-based position of the first character that does not fit. */
  public static final class BadTime extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int index;

    BadTime(String text, int index) {
      super("'" + text + "' is not an ISO-8601 time with offset (e.g. 2026-11-23T09:00:00Z), at character " + (index + 1));
      this.index = index;
    }

    /** 0-based position of the first character that does not fit. */
    public int index() {
      return index;
    }
  }

  /** The instant of {@code text}. */
  public static Instant instant(CharSequence text) {
    long sec = fastSeconds(text, 0, text.length());
    if (sec != NOT_FAST) {
      return Instant.ofEpochSecond(sec, fractionNanos(text, 0, text.length()));
    }
    return slow(text);
  }

  /** Milliseconds since the epoch (rounded down, as {@link Instant#toEpochMilli()}) of {@code text[from, to)}. */
  public static long epochMilli(CharSequence text, int from, int to) {
    long sec = fastSeconds(text, from, to);
    if (sec != NOT_FAST) {
      return sec * 1000 + fractionNanos(text, from, to) / 1_000_000;
    }
    return slow(text.subSequence(from, to)).toEpochMilli();
  }

  /**
   * Milliseconds since the epoch of the ASCII text in {@code bytes[from, to)}, read as {@link #epochMilli(CharSequence, int,
   * int)} reads the same characters; bytes outside ASCII are read as UTF-8 (and then never fit the fast path).
   */
  public static long epochMilli(byte[] bytes, int from, int to) {
    long sec = fastSeconds(bytes, from, to);
    if (sec != NOT_FAST) {
      return sec * 1000 + fractionNanos(bytes, from, to) / 1_000_000;
    }
    return slow(new String(bytes, from, to - from, StandardCharsets.UTF_8)).toEpochMilli();
  }

  /**
   * Nanoseconds since the epoch of the text in {@code bytes[from, to)}, the instant {@link #instant(byte[], int, int)}
   * reads, with no Instant made for the common shapes; {@link Long#MIN_VALUE} when it does not fit in a long.
   */
  static long epochNanos(byte[] bytes, int from, int to) {
    long sec = fastSeconds(bytes, from, to);
    Instant at = null;
    int nano;
    if (sec != NOT_FAST) {
      nano = fractionNanos(bytes, from, to);
    } else {
      at = slow(new String(bytes, from, to - from, StandardCharsets.UTF_8));
      sec = at.getEpochSecond();
      nano = at.getNano();
    }
    if (sec > Long.MAX_VALUE / 1_000_000_000L - 1 || sec < Long.MIN_VALUE / 1_000_000_000L + 1) {
      return Long.MIN_VALUE;
    }
    return sec * 1_000_000_000L + nano;
  }

  /** The instant of the text in {@code bytes[from, to)} (see {@link #epochMilli(byte[], int, int)}). */
  public static Instant instant(byte[] bytes, int from, int to) {
    long sec = fastSeconds(bytes, from, to);
    if (sec != NOT_FAST) {
      return Instant.ofEpochSecond(sec, fractionNanos(bytes, from, to));
    }
    return slow(new String(bytes, from, to - from, StandardCharsets.UTF_8));
  }

  private static Instant slow(CharSequence text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadTime(text.toString(), Math.max(0, Math.min(e.getErrorIndex(), text.length())));
    } catch (ArithmeticException e) {
      throw new BadTime(text.toString(), 0);
    }
  }

  /** Epoch seconds of the common shapes, or {@link #NOT_FAST}. */
  private static long fastSeconds(CharSequence s, int from, int to) {
    int len = to - from;
    if (len < 17) {
      return NOT_FAST;
    }
    int year = digits(s, from, 4);
    int month = digits(s, from + 5, 2);
    int day = digits(s, from + 8, 2);
    int hour = digits(s, from + 11, 2);
    int minute = digits(s, from + 14, 2);
    if ((year | month | day | hour | minute) < 0 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-'
        || (s.charAt(from + 10) | 0x20) != 't' || s.charAt(from + 13) != ':') {
      return NOT_FAST;
    }
    int p = from + 16;
    int second = 0;
    if (s.charAt(p) == ':') {
      if (p + 3 > to || (second = digits(s, p + 1, 2)) < 0) {
        return NOT_FAST;
      }
      p += 3;
      if (p < to && s.charAt(p) == '.') {
        int q = p + 1;
        while (q < to && isDigit(s.charAt(q))) {
          q++;
        }
        if (q == p + 1 || q - p - 1 > 9) {
          return NOT_FAST;
        }
        p = q;
      }
    }
    if (p >= to) {
      return NOT_FAST;
    }
    int offset;
    char c = s.charAt(p);
    if ((c | 0x20) == 'z' && p + 1 == to) {
      offset = 0;
    } else if ((c == '+' || c == '-') && p + 6 == to && s.charAt(p + 3) == ':') {
      int oh = digits(s, p + 1, 2);
      int om = digits(s, p + 4, 2);
      if ((oh | om) < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) {
        return NOT_FAST;
      }
      offset = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
    } else {
      return NOT_FAST;
    }
    return seconds(year, month, day, hour, minute, second, offset);
  }

  /** Nanoseconds of the fraction after the seconds, 0 without one (only called on text the fast path read). */
  private static int fractionNanos(CharSequence s, int from, int to) {
    int p = from + 19;
    if (p >= to || s.charAt(p) != '.' || s.charAt(from + 16) != ':') {
      return 0;
    }
    int nanos = 0;
    int scale = 100_000_000;
    for (int q = p + 1; q < to && isDigit(s.charAt(q)); q++) {
      nanos += (s.charAt(q) - '0') * scale;
      scale /= 10;
    }
    return nanos;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** The value of {@code n} decimal digits at {@code at}, or -1 if one is not a digit. */
  private static int digits(CharSequence s, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Little-endian longs of a byte array: eight bytes of a time read, checked and turned into digits together. */
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  /** The digits' bytes of "YYYY-MM-" (0–3, 5, 6) and of "DDTHH:MM" (0, 1, 3, 4, 6, 7) in a little-endian long. */
  private static final long DATE_DIGITS = 0x00FF_FF00_FFFF_FFFFL;
  private static final long TIME_DIGITS = 0xFFFF_00FF_FF00_FFFFL;
  private static final long HIGH_NIBBLES = 0xF0F0_F0F0_F0F0_F0F0L;
  private static final long ZEROS = 0x3030_3030_3030_3030L;

  /** Whether every byte of {@code w} under {@code mask} is an ASCII digit. */
  private static boolean digitsUnder(long w, long mask) {
    long d = w & mask;
    long threes = ZEROS & mask;
    long high = HIGH_NIBBLES & mask;
    // 0x30–0x3F have the high nibble 3; adding 6 keeps it 3 only for 0x30–0x39 (no carry leaves a byte).
    return (d & high) == threes && ((d + 0x0606_0606_0606_0606L) & high) == threes;
  }

  /** The digit in byte {@code i} of {@code v}, the long's digits less '0'. */
  private static int digit(long v, int i) {
    return (int) (v >>> (8 * i)) & 0xF;
  }

  /**
   * Epoch seconds of exactly {@code YYYY-MM-DDTHH:MM:SSZ} (the shape most exports write) at {@code from}, its first
   * sixteen bytes read as two longs; {@link #NOT_FAST} for any other text, which the general reader then reads.
   */
  private static long fastUtcSeconds(byte[] s, int from) {
    long date = (long) LONGS.get(s, from);
    long time = (long) LONGS.get(s, from + 8);
    if (!digitsUnder(date, DATE_DIGITS) || !digitsUnder(time, TIME_DIGITS)
        || (date & 0xFF00_00FF_0000_0000L) != 0x2D00_002D_0000_0000L // '-' at 4 and 7
        || ((int) (time >>> 16) & 0xFF | 0x20) != 't' || ((int) (time >>> 40) & 0xFF) != ':'
        || s[from + 16] != ':' || (s[from + 19] | 0x20) != 'z') {
      return NOT_FAST;
    }
    int s1 = s[from + 17] - '0';
    int s2 = s[from + 18] - '0';
    if (s1 < 0 || s1 > 9 || s2 < 0 || s2 > 9) {
      return NOT_FAST;
    }
    long d = (date & DATE_DIGITS) - (ZEROS & DATE_DIGITS); // digit places only: no borrow crosses a byte
    long t = (time & TIME_DIGITS) - (ZEROS & TIME_DIGITS);
    int year = digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3);
    int month = digit(d, 5) * 10 + digit(d, 6);
    int day = digit(t, 0) * 10 + digit(t, 1);
    int hour = digit(t, 3) * 10 + digit(t, 4);
    int minute = digit(t, 6) * 10 + digit(t, 7);
    int second = s1 * 10 + s2;
    return seconds(year, month, day, hour, minute, second, 0);
  }

  /** Epoch seconds of the common shapes, or {@link #NOT_FAST}. */
  private static long fastSeconds(byte[] s, int from, int to) {
    int len = to - from;
    if (len == 20) {
      long utc = fastUtcSeconds(s, from);
      if (utc != NOT_FAST) {
        return utc;
      }
    }
    if (len < 17) {
      return NOT_FAST;
    }
    int year = digits(s, from, 4);
    int month = digits(s, from + 5, 2);
    int day = digits(s, from + 8, 2);
    int hour = digits(s, from + 11, 2);
    int minute = digits(s, from + 14, 2);
    if ((year | month | day | hour | minute) < 0 || at(s, from + 4) != '-' || at(s, from + 7) != '-'
        || (at(s, from + 10) | 0x20) != 't' || at(s, from + 13) != ':') {
      return NOT_FAST;
    }
    int p = from + 16;
    int second = 0;
    if (at(s, p) == ':') {
      if (p + 3 > to || (second = digits(s, p + 1, 2)) < 0) {
        return NOT_FAST;
      }
      p += 3;
      if (p < to && at(s, p) == '.') {
        int q = p + 1;
        while (q < to && isDigit(at(s, q))) {
          q++;
        }
        if (q == p + 1 || q - p - 1 > 9) {
          return NOT_FAST;
        }
        p = q;
      }
    }
    if (p >= to) {
      return NOT_FAST;
    }
    int offset;
    int c = at(s, p);
    if ((c | 0x20) == 'z' && p + 1 == to) {
      offset = 0;
    } else if ((c == '+' || c == '-') && p + 6 == to && at(s, p + 3) == ':') {
      int oh = digits(s, p + 1, 2);
      int om = digits(s, p + 4, 2);
      if ((oh | om) < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) {
        return NOT_FAST;
      }
      offset = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
    } else {
      return NOT_FAST;
    }
    return seconds(year, month, day, hour, minute, second, offset);
  }

  /** Nanoseconds of the fraction after the seconds, 0 without one (only called on text the fast path read). */
  private static int fractionNanos(byte[] s, int from, int to) {
    int p = from + 19;
    if (p >= to || at(s, p) != '.' || at(s, from + 16) != ':') {
      return 0;
    }
    int nanos = 0;
    int scale = 100_000_000;
    for (int q = p + 1; q < to && isDigit(at(s, q)); q++) {
      nanos += (at(s, q) - '0') * scale;
      scale /= 10;
    }
    return nanos;
  }

  /** The value of {@code n} decimal digits at {@code at}, or -1 if one is not a digit. */
  private static int digits(byte[] s, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      int c = at(s, i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Byte {@code i} as an unsigned value (bytes of multi-byte UTF-8 sequences never match an ASCII character). */
  private static int at(byte[] s, int i) {
    return s[i] & 0xFF;
  }

  /** Epoch seconds of a date and time read by a fast path (offset in seconds east), or {@link #NOT_FAST} if not a valid one. */
  private static long seconds(int year, int month, int day, int hour, int minute, int second, int offset) {
    if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour > 23 || minute > 59 || second > 59) {
      return NOT_FAST;
    }
    return epochDay(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second - offset;
  }

  private static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 in the proleptic Gregorian calendar, for years 0 to 9999. */
  static long epochDay(int year, int month, int day) {
    // Count from 0000-03-01 so the leap day ends the year: whole years, then whole months of a March-based year.
    int y = month <= 2 ? year - 1 : year;
    int m = month <= 2 ? month + 9 : month - 3; // March = 0 … February = 11
    long yearDays = 365L * y + Math.floorDiv(y, 4) - Math.floorDiv(y, 100) + Math.floorDiv(y, 400);
    int monthDays = (153 * m + 2) / 5; // 31,30,31,30,31 repeating from March
    return yearDays + monthDays + day - 1 - 719_468; // 719_468 = days from 0000-03-01 to 1970-01-01
  }
}
