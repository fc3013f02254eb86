package io.companyos.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Exact decimal sums that equal a {@code BigDecimal} sum of the same amounts in value and scale: Spark sums the amounts
 * as wide decimals and finds the largest scale among them, and the driver gives the sum that scale.
 */
final class Decimals {
  /** Wide enough for any amount a bill or a contract holds: 20 digits before the point, 18 after. */
  static final String TYPE = "decimal(38,18)";

  private Decimals() {}

  /** A decimal column of {@code rows} as a wide decimal. */
  static Column amount(String column) {
    return col(column).cast(TYPE);
  }

  /**
   * The scale each value of a decimal column has as a {@code BigDecimal}: the column type's scale, or for text the
   * digits after the point.
   */
  static Column scale(Dataset<Row> rows, String column) {
    DataType type = rows.schema().apply(column).dataType();
    if (type instanceof DecimalType d) {
      return lit(d.scale());
    }
    Column text = functions.trim(col(column).cast(DataTypes.StringType));
    return when(functions.instr(text, ".").gt(0), length(functions.substring_index(text, ".", -1))).otherwise(lit(0));
  }

  /**
   * A sum found by Spark at the scale a {@code BigDecimal} sum starting from {@code BigDecimal.ZERO} has: the largest of
   * 0 and the scales of the amounts summed. A null sum (no amounts) is zero.
   *
   * @param sum the wide decimal sum, or null
   * @param scale the largest scale among the amounts, or null when none were summed
   */
  static BigDecimal exact(BigDecimal sum, Object scale) {
    if (sum == null) {
      return BigDecimal.ZERO;
    }
    int s = scale == null ? 0 : Math.max(0, ((Number) scale).intValue());
    return sum.setScale(s, RoundingMode.UNNECESSARY);
  }
}
