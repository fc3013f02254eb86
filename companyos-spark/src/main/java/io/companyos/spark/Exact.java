package io.companyos.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/** Exact order statistics and bounded id lists over distributed columns. */
final class Exact {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Exact() {}

  /**
   * The interpolated percentile ({@code PERCENTILE_CONT}) of a double column, exactly as {@code Percentiles.cont}
   * computes it: the values at ranks ⌊p(n−1)⌋ and ⌈p(n−1)⌉ are found by a distributed sort, the interpolation is done
   * here with the reference's own expression, so the result is equal to the bit.
   */
  static OptionalDouble cont(Dataset<Row> rows, String column, double p) {
    Dataset<Row> values = rows.select(functions.col(column).cast("double").as("v")).where(functions.col("v").isNotNull());
    long n = values.count();
    if (n == 0) {
      return OptionalDouble.empty();
    }
    double rank = p * (n - 1);
    long lo = (long) Math.floor(rank);
    long hi = (long) Math.ceil(rank);
    JavaPairRDD<Row, Long> indexed = values.orderBy("v").javaRDD().zipWithIndex();
    Map<Long, Double> at = new java.util.HashMap<>();
    for (Tuple2<Row, Long> t : indexed.filter(t -> t._2() == lo || t._2() == hi).collect()) {
      at.put(t._2(), t._1().getDouble(0));
    }
    double a = at.get(lo);
    double b = at.get(hi);
    return OptionalDouble.of(a + (rank - lo) * (b - a));
  }

  /** The median: {@link #cont} at 0.5. */
  static OptionalDouble median(Dataset<Row> rows, String column) {
    return cont(rows, column, 0.5);
  }

  /** A column's values, in order, at most {@code max}; the count of all of them (with repeats) goes to {@code counts}. */
  static List<String> ids(Dataset<Row> rows, String column, int max, String list, Map<String, Long> leftOut) {
    Dataset<Row> ids = rows.select(functions.col(column).cast("string").as("id"));
    List<String> out = new ArrayList<>();
    for (Row r : ids.orderBy("id").limit(max).collectAsList()) {
      out.add(r.getString(0));
    }
    if (out.size() == max) {
      long all = ids.count();
      if (all > max) {
        leftOut.put(list, all - max);
      }
    }
    return out;
  }

  /** The UTC day of a timestamp as days since 1970-01-01 (floor division, as {@code LocalDate.toEpochDay()}). */
  static Column utcDay(Column time) {
    Column micros = functions.unix_micros(time);
    return micros.minus(functions.pmod(micros, functions.lit(MICROS_PER_DAY))).divide(functions.lit(MICROS_PER_DAY))
        .cast("long");
  }

  /** Whole milliseconds since the epoch, truncated like {@code Instant.toEpochMilli()}. */
  static Column millis(Column time) {
    return functions.unix_millis(time);
  }

  /**
   * Whole minutes from {@code from} to {@code to} as {@code Duration.between(from, to).toMinutes()}: whole seconds
   * rounded down, then minutes truncated toward zero.
   */
  static Column wholeMinutes(Column from, Column to) {
    Column micros = functions.unix_micros(to).minus(functions.unix_micros(from));
    Column seconds = micros.minus(functions.pmod(micros, functions.lit(MICROS_PER_SECOND)))
        .divide(functions.lit(MICROS_PER_SECOND)).cast("long");
    Column back = functions.negate(seconds);
    return functions.when(seconds.geq(0), seconds.minus(functions.pmod(seconds, functions.lit(60L)))
            .divide(functions.lit(60L)).cast("long"))
        .otherwise(functions.negate(back.minus(functions.pmod(back, functions.lit(60L))).divide(functions.lit(60L))
            .cast("long")));
  }
}
