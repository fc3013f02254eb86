package io.companyos.spark;

import io.companyos.sources.Provenance;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A KPI result computed on Spark: the same typed value the Java reference gives, where it came from, and how many
 * record ids each evidence list left out. Ids are collected to the driver up to {@link SparkKpis#maxIds()} per list
 * (the first ones in id order); beyond that a list is cut and the count of the rest is in {@link #idsLeftOut()}, so a
 * billion rows never travel to the driver.
 *
 * @param value the result, of the same type as the Java reference's (e.g. {@code DoraResult})
 * @param provenance the tables read, the filter and the window
 * @param idsLeftOut evidence list → ids beyond the limit, not collected; empty when every id was collected
 * @param approximatedBy how the value was approximated, as data (the aggregates and their error bounds), or null when
 *     it is exact
 * @param <T> the result's type
 */
public record SparkResult<T>(T value, Provenance provenance, Map<String, Long> idsLeftOut,
    @Nullable Approximation approximatedBy) {
  /**
   * Copies the map.
   *
   * @param value the result
   * @param provenance where it came from
   * @param idsLeftOut evidence list → ids not collected
   * @param approximatedBy how it was approximated, or null when exact
   */
  public SparkResult {
    idsLeftOut = Map.copyOf(idsLeftOut);
  }

  /**
   * An exact result.
   *
   * @param value the result
   * @param provenance where it came from
   * @param idsLeftOut evidence list → ids not collected
   */
  public SparkResult(T value, Provenance provenance, Map<String, Long> idsLeftOut) {
    this(value, provenance, idsLeftOut, (Approximation) null);
  }

  /**
   * A result whose approximation is given as the sentence {@link #approximation()} returns.
   *
   * @param value the result
   * @param provenance where it came from
   * @param idsLeftOut evidence list → ids not collected
   * @param approximation the sentence(s) of {@link Approximation#text()}, or null when exact
   * @throws IllegalArgumentException if the text is not such a sentence
   * @deprecated give the approximation as data: {@link #SparkResult(Object, Provenance, Map, Approximation)}
   */
  @Deprecated
  public SparkResult(T value, Provenance provenance, Map<String, Long> idsLeftOut, @Nullable String approximation) {
    this(value, provenance, idsLeftOut, approximation == null ? null : Approximation.parse(approximation));
  }

  /**
   * How the value was approximated and its error bound, in words (e.g. {@code ≈ HyperLogLog++ distinct counts,
   * relative standard deviation 1%}): {@link Approximation#text()} of {@link #approximatedBy()}.
   *
   * @return the sentence(s), or null when the value is exact
   */
  public @Nullable String approximation() {
    return approximatedBy == null ? null : approximatedBy.text();
  }

  /**
   * Whether the value is exact (no approximate aggregate was used).
   *
   * @return true unless {@link #approximatedBy()} says how it was approximated
   */
  public boolean exact() {
    return approximatedBy == null;
  }

  /**
   * Whether every evidence id was collected, so the value equals the Java reference's in every field.
   *
   * @return true when no list was cut
   */
  public boolean complete() {
    return idsLeftOut.isEmpty();
  }
}
