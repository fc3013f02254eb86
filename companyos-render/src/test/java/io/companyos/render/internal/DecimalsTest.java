package io.companyos.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The fast formatter must write exactly what {@code String.format} writes. */
class DecimalsTest {

  @Test
  void fixedEqualsStringFormatForAnyFiniteDouble() {
    qt().withExamples(20_000).forAll(doubles().any(), integers().between(0, 3)).assuming((v, s) -> Double.isFinite(v))
        .checkAssert((v, scale) -> {
          assertThat(Decimals.fixed(v, scale, false)).isEqualTo(String.format(Locale.ROOT, "%." + scale + "f", v));
          assertThat(Decimals.fixed(v, scale, true)).isEqualTo(String.format(Locale.ROOT, "%,." + scale + "f", v));
        });
  }

  @Test
  void fixedEqualsStringFormatForEverydayMagnitudes() {
    qt().withExamples(20_000).forAll(doubles().between(-1e7, 1e7), integers().between(0, 2)).checkAssert((v, scale) ->
        assertThat(Decimals.fixed(v, scale, true)).isEqualTo(String.format(Locale.ROOT, "%,." + scale + "f", v)));
  }

  @Test
  void halfwayCasesAndNegativeZeroMatch() {
    double[] cases = {0.125, 1.005, 2.5, -2.5, 0.5, 1.5, -0.004, -0.0, 0.0, 99.995, 1e20, 1e-7, 123456789.125, -1234.5,
        0.045, 1.0E-5, 4.35, 10.34, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double v : cases) {
      for (int scale = 0; scale <= 2; scale++) {
        assertThat(Decimals.fixed(v, scale, false)).as("%s %d", v, scale).isEqualTo(String.format(Locale.ROOT, "%." + scale + "f", v));
        assertThat(Decimals.fixed(v, scale, true)).as("%s %d", v, scale).isEqualTo(String.format(Locale.ROOT, "%,." + scale + "f", v));
      }
    }
  }

  @Test
  void groupedEqualsStringFormat() {
    qt().withExamples(5_000).forAll(longs().all()).checkAssert(n ->
        assertThat(Decimals.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n)));
  }

  @Test
  void trimmedDropsTrailingZerosAndTheDot() {
    assertThat(Decimals.trimmed(10.50, 2)).isEqualTo("10.5");
    assertThat(Decimals.trimmed(3.0, 2)).isEqualTo("3");
    assertThat(Decimals.trimmed(-0.001, 2)).isEqualTo("-0");
    assertThat(Decimals.trimmed(1200, 1)).isEqualTo("1200");
  }
}
