package io.companyos.connectors.revenue;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.LocatedJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** What the Stripe reader writes into while reading one export, and helpers to read fields. */
final class ReadContext {
  /** Where a statement stands, for errors found after reading. */
  record Place(String file, int line, int column) {}

  /**
   * A subscription as one export states it.
   *
   * @param paying whether its status is one that pays (active, past_due, unpaid, canceled)
   * @param from when it started paying: {@code start_date} (else {@code created}), or the end of its trial
   * @param end when it ended ({@code ended_at}, else {@code canceled_at} for a canceled one), or null
   * @param arr the ARR of its items now, in the major unit, forever discounts applied
   * @param prices its items' prices by id, for invoice lines that name a price only
   * @param notes what was left out of {@code arr} (metered items, prices without amounts, discounts not applied)
   */
  record Sub(String id, String customer, String currency, String status, boolean paying, Instant from, @Nullable Instant end,
      BigDecimal arr, Map<String, Money.Recurrence> prices, List<String> notes, long order, Place place) {}

  /**
   * A recurring line of a paid or open invoice.
   *
   * @param net the line's amount less its discounts, in minor units
   * @param recurrence how its price recurs, or null when the line names its price by id only
   */
  record Line(String invoice, Instant invoiceCreated, String customer, String currency, String subscription, Instant periodStart,
      BigDecimal net, Money.@Nullable Recurrence recurrence, @Nullable String priceId, Place place) {}

  /** What an export tells of a customer. */
  record Customer(String id, @Nullable String name) {}

  /** One saved page of a list: which list, and whether it says more follow. */
  record Page(String list, boolean hasMore) {}

  /** A currency a subscription or invoice is in, with where it is stated. */
  record Currency(String code, String what, Place place) {}

  final String file;
  private final ExportReading.FileEntries entries;
  private final long fileOrder;
  final Settings settings;
  final List<Sub> subs = new ArrayList<>();
  final List<Line> lines = new ArrayList<>();
  final List<Customer> customers = new ArrayList<>();
  final List<Page> pages = new ArrayList<>();
  final List<Currency> currencies = new ArrayList<>();
  int prorations;
  int notRecurring;
  int invoicesNotCounted;
  String format = "";

  ReadContext(ExportReading.FileEntries entries, Settings settings) {
    this.file = entries.name();
    this.entries = entries;
    this.fileOrder = entries.order();
    this.settings = settings;
  }

  long order() {
    return fileOrder * 10_000_000L + subs.size() + lines.size();
  }

  Place place(LocatedJson j) {
    return new Place(file, j.line, j.column);
  }

  /** Reads one entry; in lenient mode a problem skips it, in strict mode it stops the read. */
  void each(LocatedJson item, Consumer<LocatedJson> read) {
    entries.each(item, j -> {
      if (!j.isObject()) {
        throw new ExportProblem(RevenueExportException.MISSING, j, "an entry is " + j.typeName() + ", not an object", null);
      }
      read.accept(j);
    });
  }

  /** The largest Unix time read: the last second of year 9999. */
  private static final long MAX_SECONDS = 253_402_300_799L;

  /** A time as Stripe writes it, seconds since 1970 (a whole number); null when absent. */
  static @Nullable Instant time(LocatedJson v, String field) {
    if (v.isAbsent()) {
      return null;
    }
    if (v.type != LocatedJson.Type.NUMBER) {
      throw new ExportProblem(RevenueExportException.MISSING, v, field + " is " + v.typeName() + ", not a Unix time", null);
    }
    BigDecimal n = v.number();
    if (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0 || n.stripTrailingZeros().scale() > 0) {
      throw new ExportProblem(RevenueExportException.INVALID, v, field + " " + n.toString()
          + " is not a Unix time (whole seconds from 1970 to 9999)", null);
    }
    return Instant.ofEpochSecond(n.longValueExact());
  }

  /** A time the format requires. */
  static Instant requireTime(LocatedJson parent, String name, String what) {
    Instant t = time(parent.get(name), name);
    if (t == null) {
      throw new ExportProblem(RevenueExportException.MISSING, parent.get(name), what + " has no " + name, null);
    }
    return t;
  }

  /** A text field the format requires. */
  static String requireText(LocatedJson parent, String name, String what) {
    LocatedJson v = parent.get(name);
    String s = v.nonBlank();
    if (s == null) {
      throw new ExportProblem(RevenueExportException.MISSING, v,
          what + " has no " + name + (v.isAbsent() ? "" : " (it is " + v.typeName() + ")"), null);
    }
    return s;
  }

  /** A value that must be one of {@code allowed}. */
  static String oneOf(LocatedJson parent, String name, String what, List<String> allowed) {
    String s = requireText(parent, name, what);
    if (!allowed.contains(s)) {
      throw new ExportProblem(RevenueExportException.INVALID, parent.get(name),
          what + ": " + name + " '" + s + "' is none of " + String.join(", ", allowed), null);
    }
    return s;
  }

  /** An amount in minor units: a whole number from 0 to 10^15, or null when absent. */
  static @Nullable BigDecimal amount(LocatedJson v, String field, String what) {
    if (v.isAbsent()) {
      return null;
    }
    BigDecimal n = v.type == LocatedJson.Type.NUMBER ? v.number() : v.type == LocatedJson.Type.STRING ? v.number() : null;
    if (n == null) {
      throw new ExportProblem(RevenueExportException.MISSING, v, what + ": " + field + " is " + v.typeName() + ", not an amount", null);
    }
    if (n.signum() < 0 || n.compareTo(new BigDecimal("1e15")) > 0) {
      throw new ExportProblem(RevenueExportException.INVALID, v, what + ": " + field + " " + n.toString()
          + " is not an amount from 0 to 10^15 (in the currency's minor unit)", null);
    }
    return n;
  }

  /** A customer id: the text, or the {@code id} of an expanded customer object. */
  static @Nullable String customer(LocatedJson v) {
    return v.isObject() ? v.get("id").nonBlank() : v.nonBlank();
  }
}
