package io.companyos.model.check;

import java.util.Locale;
import java.util.Objects;

/**
 * A health-check threshold such as {@code "> 6"}, {@code ">= 0.5"}, {@code "< 99.9"}, {@code "== 0"}
 * or {@code "!= 0"}: the check fires when the observed value satisfies it.
 *
 * <p>No-data rule: a NaN or missing value never satisfies a threshold; callers report "no data"
 * separately instead of treating it as 0.
 */
public record Threshold(Operator operator, double value) {

  /** Comparison operators allowed in threshold expressions. */
  public enum Operator {
    GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public Threshold {
    Objects.requireNonNull(operator, "operator");
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("threshold value must be finite");
    }
    if (value == 0) {
      value = 0.0; // "> -0" is "> 0": one threshold, printed and compared as such
    }
  }

  /** A plain decimal number: no unit, no Java suffix ({@code 6d}, {@code 6f}), no hexadecimal, no NaN. */
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,3})?");
  private static final java.util.regex.Pattern NUMBER_THEN_UNIT =
      java.util.regex.Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*(\\S+)");

  /**
   * Parses {@code "<op> <number>"}; whitespace between operator and number is optional. The number is
   * plain: a threshold is compared with the query's value as it comes, so a unit ({@code "> 6d"},
   * {@code "> 95%"}) is refused rather than silently dropped.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static Threshold parse(String expression) {
    String s = expression.strip();
    Operator op = null;
    for (String sym : new String[] {">=", "<=", "==", "!=", ">", "<"}) {
      if (s.startsWith(sym)) {
        for (Operator o : Operator.values()) {
          if (o.symbol.equals(sym)) {
            op = o;
          }
        }
        s = s.substring(sym.length()).strip();
        break;
      }
    }
    if (op == null) {
      throw new IllegalArgumentException(
          "threshold '" + expression + "' must start with one of >, >=, <, <=, ==, !=");
    }
    if (!NUMBER.matcher(s).matches()) {
      java.util.regex.Matcher unit = NUMBER_THEN_UNIT.matcher(s);
      if (unit.matches()) {
        throw new IllegalArgumentException("threshold '" + expression + "' has a unit ('" + unit.group(3)
            + "'); a threshold is a plain number in the unit of its query's value");
      }
      throw new IllegalArgumentException("threshold '" + expression + "' needs a number after '" + op.symbol + "'");
    }
    double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("threshold '" + expression + "' is too large");
    }
    return new Threshold(op, v);
  }

  /** True when {@code observed} satisfies the expression; NaN never does. */
  public boolean test(double observed) {
    if (Double.isNaN(observed)) {
      return false;
    }
    return switch (operator) {
      case GT -> observed > value;
      case GE -> observed >= value;
      case LT -> observed < value;
      case LE -> observed <= value;
      case EQ -> observed == value;
      case NE -> observed != value;
    };
  }

  @Override
  public String toString() {
    String v = value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
    return operator.symbol + " " + v.toLowerCase(Locale.ROOT);
  }
}
