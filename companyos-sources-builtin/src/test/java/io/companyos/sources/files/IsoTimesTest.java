package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class IsoTimesTest {
  @Test
  void readsTheCommonShapes() {
    assertThat(IsoTimes.instant("2025-03-01T09:30:00Z")).isEqualTo(Instant.parse("2025-03-01T09:30:00Z"));
    assertThat(IsoTimes.instant("2025-03-01T09:30Z")).isEqualTo(Instant.parse("2025-03-01T09:30:00Z"));
    assertThat(IsoTimes.instant("2025-03-01t09:30:00.5z")).isEqualTo(Instant.parse("2025-03-01T09:30:00.500Z"));
    assertThat(IsoTimes.instant("2025-03-01T09:30:00.123456789+02:00")).isEqualTo(Instant.parse("2025-03-01T07:30:00.123456789Z"));
    assertThat(IsoTimes.instant("1969-12-31T23:59:59.999-00:30")).isEqualTo(Instant.parse("1970-01-01T00:29:59.999Z"));
    assertThat(IsoTimes.instant("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    // Shapes java.time reads leniently are still read (by java.time).
    assertThat(IsoTimes.instant("2025-03-01T09:30:00+02:00:30")).isEqualTo(Instant.parse("2025-03-01T07:29:30Z"));
    assertThat(IsoTimes.instant("+12025-03-01T09:30:00Z")).isEqualTo(OffsetDateTime.parse("+12025-03-01T09:30:00Z").toInstant());
  }

  @Test
  void millisRoundDownLikeInstant() {
    assertThat(IsoTimes.epochMilli("x1969-12-31T23:59:59.9995Zy", 1, 26)).isEqualTo(-1L);
    assertThat(IsoTimes.epochMilli("2025-03-01T00:00:00.0009Z", 0, 25)).isEqualTo(Instant.parse("2025-03-01T00:00:00Z").toEpochMilli());
  }

  @Test
  void badTimesSayWhereTheyGoWrong() {
    assertThatThrownBy(() -> IsoTimes.instant("yesterday")).isInstanceOf(IsoTimes.BadTime.class)
        .hasMessage("'yesterday' is not an ISO-8601 time with offset (e.g. 2026-11-23T09:00:00Z), at character 1");
    assertThatThrownBy(() -> IsoTimes.instant("2025-03-01 09:30:00Z")).isInstanceOf(IsoTimes.BadTime.class)
        .satisfies(e -> assertThat(((IsoTimes.BadTime) e).index()).isEqualTo(10));
    assertThatThrownBy(() -> IsoTimes.instant("2025-03-01T09:30:00")).isInstanceOf(IsoTimes.BadTime.class)
        .satisfies(e -> assertThat(((IsoTimes.BadTime) e).index()).isEqualTo(19));
    assertThatThrownBy(() -> IsoTimes.instant("2025-02-29T09:30:00Z")).isInstanceOf(IsoTimes.BadTime.class);
    assertThatThrownBy(() -> IsoTimes.instant("2025-03-01T24:00:00Z")).isInstanceOf(IsoTimes.BadTime.class);
    assertThatThrownBy(() -> IsoTimes.instant("2025-03-01T09:30:00+18:01")).isInstanceOf(IsoTimes.BadTime.class);
  }

  @Test
  void validTimesReadAsJavaTimeReadsThem() {
    qt().withExamples(20_000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      String text = validTime(new Random(seed));
      agree(text);
    });
  }

  @Test
  void anyTextIsReadOrRejectedAsJavaTimeDoes() {
    qt().withExamples(20_000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      char[] c = validTime(r).toCharArray();
      String alphabet = "0123456789-:+.TtZz x";
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        c[r.nextInt(c.length)] = alphabet.charAt(r.nextInt(alphabet.length()));
      }
      String text = new String(c);
      agree(r.nextInt(4) == 0 ? text.substring(0, r.nextInt(text.length() + 1)) : text);
    });
  }

  @Test
  void bytesReadAsJavaTimeReadsTheText() {
    qt().withExamples(20_000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      char[] c = validTime(r).toCharArray();
      String alphabet = "0123456789-:+.TtZz x\u00e9\u2003";
      for (int k = r.nextInt(3); k > 0; k--) {
        c[r.nextInt(c.length)] = alphabet.charAt(r.nextInt(alphabet.length()));
      }
      String text = new String(c);
      agreeOnBytes(r.nextInt(4) == 0 ? text.substring(0, r.nextInt(text.length() + 1)) : text);
    });
  }

  @Test
  void bytesOfTheCommonShapes() {
    byte[] b = ",2025-03-01T09:30:00.123+02:00,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(IsoTimes.epochMilli(b, 1, b.length - 1)).isEqualTo(Instant.parse("2025-03-01T07:30:00.123Z").toEpochMilli());
    assertThat(IsoTimes.instant(b, 1, b.length - 1)).isEqualTo(Instant.parse("2025-03-01T07:30:00.123Z"));
    byte[] odd = "2025-03-01T09:30:00+02:00:30".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(IsoTimes.instant(odd, 0, odd.length)).isEqualTo(Instant.parse("2025-03-01T07:29:30Z"));
    byte[] bad = "2025-03-01T09:30:00\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> IsoTimes.epochMilli(bad, 0, bad.length)).isInstanceOf(IsoTimes.BadTime.class)
        .hasMessageContaining("'2025-03-01T09:30:00\u00e9'");
  }

  private static void agreeOnBytes(String text) {
    byte[] framed = ("\"" + text + ",").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int to = framed.length - 1;
    Instant expected;
    try {
      expected = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> IsoTimes.epochMilli(framed, 1, to)).as(text).isInstanceOf(IsoTimes.BadTime.class);
      assertThatThrownBy(() -> IsoTimes.instant(framed, 1, to)).as(text).isInstanceOf(IsoTimes.BadTime.class);
      return;
    }
    assertThat(IsoTimes.instant(framed, 1, to)).as(text).isEqualTo(expected);
    assertThat(IsoTimes.epochMilli(framed, 1, to)).as(text).isEqualTo(expected.toEpochMilli());
  }

  private static void agree(String text) {
    Instant expected;
    try {
      expected = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> IsoTimes.instant(text)).as(text).isInstanceOf(IsoTimes.BadTime.class);
      assertThatThrownBy(() -> IsoTimes.epochMilli(text, 0, text.length())).as(text).isInstanceOf(IsoTimes.BadTime.class);
      return;
    }
    assertThat(IsoTimes.instant(text)).as(text).isEqualTo(expected);
    assertThat(IsoTimes.epochMilli("," + text + ",", 1, text.length() + 1)).as(text).isEqualTo(expected.toEpochMilli());
  }

  /** A time in one of the shapes written by people and exporters: any date of years 0–9999, optional seconds and fraction, any offset. */
  static String validTime(Random r) {
    int year = r.nextInt(4) == 0 ? r.nextInt(10_000) : 1960 + r.nextInt(100);
    int month = 1 + r.nextInt(12);
    int day = 1 + r.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
    StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%04d-%02d-%02d%s%02d:%02d", year, month, day,
        r.nextInt(10) == 0 ? "t" : "T", r.nextInt(24), r.nextInt(60)));
    if (r.nextInt(5) != 0) {
      b.append(String.format(java.util.Locale.ROOT, ":%02d", r.nextInt(60)));
      if (r.nextBoolean()) {
        b.append('.');
        for (int i = r.nextInt(10); i > 0; i--) {
          b.append((char) ('0' + r.nextInt(10)));
        }
      }
    }
    switch (r.nextInt(4)) {
      case 0 -> b.append('Z');
      case 1 -> b.append('z');
      default -> {
        int minutes = r.nextInt(18 * 60 + 1);
        b.append(r.nextBoolean() ? '+' : '-').append(String.format(java.util.Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60));
      }
    }
    return b.toString();
  }
}
