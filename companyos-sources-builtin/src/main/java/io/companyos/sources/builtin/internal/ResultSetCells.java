package io.companyos.sources.builtin.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a result set's current row as a data file would hold them, so that rows from a database (the jdbc
 * source) or from a Parquet file (the files source, through DuckDB) are read by the same layout rules as a CSV row:
 * times as ISO-8601 instants in UTC (a timestamp without a zone is taken as UTC), numbers as plain decimals, booleans
 * as {@code true}/{@code false}, SQL NULL as an empty cell. The column types are looked up once.
 */
public final class ResultSetCells {
  private final ResultSet rs;
  private final int[] types;
  private final boolean[] zoned;

  /**
   * Cells of {@code rs}'s rows.
   *
   * @param rs a result set, positioned before or on a row
   * @throws SQLException if its metadata cannot be read
   */
  public ResultSetCells(ResultSet rs) throws SQLException {
    this.rs = rs;
    ResultSetMetaData md = rs.getMetaData();
    types = new int[md.getColumnCount()];
    zoned = new boolean[types.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = md.getColumnType(i + 1);
      // PostgreSQL reports timestamptz as TIMESTAMP; its type name tells them apart.
      zoned[i] = types[i] == Types.TIMESTAMP_WITH_TIMEZONE || "timestamptz".equalsIgnoreCase(md.getColumnTypeName(i + 1));
    }
  }

  /**
   * The current row's cells, in column order.
   *
   * @return one text per column
   * @throws SQLException if a cell cannot be read
   */
  public List<String> row() throws SQLException {
    List<String> out = new ArrayList<>(types.length);
    for (int i = 0; i < types.length; i++) {
      out.add(text(i + 1, types[i], zoned[i]));
    }
    return out;
  }

  /** The text of a cell; an empty string for SQL NULL. */
  private String text(int i, int type, boolean zone) throws SQLException {
    if (zone) {
      OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
      return t == null ? "" : t.toInstant().toString();
    }
    switch (type) {
      case Types.TIMESTAMP: {
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? "" : t.toInstant(ZoneOffset.UTC).toString();
      }
      case Types.DATE: {
        LocalDate d = rs.getObject(i, LocalDate.class);
        return d == null ? "" : d.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
      }
      case Types.NUMERIC:
      case Types.DECIMAL: {
        BigDecimal b = rs.getBigDecimal(i);
        return b == null ? "" : b.toPlainString();
      }
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE: {
        double d = rs.getDouble(i);
        if (rs.wasNull()) {
          return "";
        }
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
      }
      case Types.BOOLEAN:
      case Types.BIT: {
        boolean b = rs.getBoolean(i);
        return rs.wasNull() ? "" : Boolean.toString(b);
      }
      default: {
        String s = rs.getString(i);
        return s == null ? "" : s;
      }
    }
  }
}
