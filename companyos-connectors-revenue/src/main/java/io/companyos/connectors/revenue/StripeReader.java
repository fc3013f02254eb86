package io.companyos.connectors.revenue;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stripe API lists, saved as returned: {@code GET /v1/subscriptions?status=all}, {@code GET /v1/invoices} and
 * {@code GET /v1/customers} ({@code {"object": "list", "data": [...], "has_more"}}; search results alike), one object of
 * them, or the {@code data} list alone.
 */
final class StripeReader {
  static final String KNOWN = "a Stripe list (or one object) of subscriptions, invoices or customers";
  static final List<String> SUB_STATUSES = List.of("incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled",
      "unpaid", "paused");
  static final List<String> PAYING = List.of("active", "past_due", "unpaid", "canceled");
  static final List<String> INVOICE_STATUSES = List.of("draft", "open", "paid", "uncollectible", "void");
  static final List<String> INTERVALS = List.of("day", "week", "month", "year");

  private StripeReader() {}

  static void read(LocatedJson root, ReadContext ctx) {
    List<LocatedJson> items;
    boolean list = root.isObject() && root.get("data").isArray();
    if (list) {
      items = root.get("data").items();
    } else if (root.isArray()) {
      items = root.items();
    } else {
      items = List.of(root);
    }
    String type = items.isEmpty() ? listOf(root) : items.get(0).get("object").nonBlank();
    if (type == null || !List.of("subscription", "invoice", "customer").contains(type)) {
      LocatedJson at = items.isEmpty() ? root : items.get(0);
      throw new ExportProblem(RevenueExportException.UNKNOWN_FORMAT, at, "not an export this source reads (" + KNOWN + ")",
          "see docs/connectors.md for the lists read");
    }
    ctx.format = "Stripe " + type + "s";
    if (list) {
      LocatedJson more = root.get("has_more");
      ctx.pages.add(new ReadContext.Page(type, more.type == LocatedJson.Type.BOOLEAN && "true".equals(more.scalar())));
    }
    for (LocatedJson j : items) {
      ctx.each(j, e -> {
        String object = e.get("object").nonBlank();
        if (!type.equals(object)) {
          throw new ExportProblem(RevenueExportException.UNKNOWN_FORMAT, e.get("object"),
              "a " + (object == null ? "entry without object" : object) + " in a list of " + type + "s", null);
        }
        switch (type) {
          case "subscription" -> subscription(e, ctx);
          case "invoice" -> invoice(e, ctx);
          default -> customer(e, ctx);
        }
      });
    }
  }

  /** The kind of an empty list, from its {@code url} ({@code /v1/subscriptions}). */
  private static @Nullable String listOf(LocatedJson root) {
    String url = root.get("url").nonBlank();
    if (url == null) {
      return null;
    }
    for (String t : List.of("subscription", "invoice", "customer")) {
      if (url.startsWith("/v1/" + t + "s")) {
        return t;
      }
    }
    return null;
  }

  static void subscription(LocatedJson j, ReadContext ctx) {
    String id = ReadContext.requireText(j, "id", "a subscription");
    String what = "subscription " + id;
    String customer = ReadContext.customer(j.get("customer"));
    if (customer == null) {
      throw new ExportProblem(RevenueExportException.MISSING, j.get("customer"), what + " has no customer", null);
    }
    name(j.get("customer"), ctx);
    String status = ReadContext.oneOf(j, "status", what, SUB_STATUSES);
    Instant created = ReadContext.requireTime(j, "created", what);
    Instant start = ReadContext.time(j.get("start_date"), "start_date");
    Instant from = start != null ? start : created;
    Instant trialEnd = ReadContext.time(j.get("trial_end"), "trial_end");
    if (trialEnd != null && trialEnd.isAfter(from)) {
      from = trialEnd;
    }
    Instant end = ReadContext.time(j.get("ended_at"), "ended_at");
    if (end == null && (status.equals("canceled") || status.equals("incomplete_expired"))) {
      end = ReadContext.time(j.get("canceled_at"), "canceled_at");
      if (end == null && status.equals("canceled")) {
        throw new ExportProblem(RevenueExportException.MISSING, j, what + " is canceled but has neither ended_at nor canceled_at", null);
      }
    }
    Instant begun = start != null ? start : created;
    if (end != null && end.isBefore(begun)) {
      throw new ExportProblem(RevenueExportException.INVALID, j.get("ended_at").isAbsent() ? j.get("canceled_at") : j.get("ended_at"),
          what + " ended (" + end + ") before it started (" + begun + ")", null);
    }
    String currency = currency(j, j.at("items", "data").items().isEmpty() ? null : j.at("items", "data").items().get(0).get("price"), what);
    LocatedJson itemList = j.at("items", "data");
    if (!itemList.isArray()) {
      throw new ExportProblem(RevenueExportException.MISSING, itemList, what + " has no items.data list", null);
    }
    List<String> notes = new ArrayList<>();
    Map<String, Money.Recurrence> prices = new LinkedHashMap<>();
    BigDecimal arr = BigDecimal.ZERO;
    Money.Recurrence first = null;
    for (LocatedJson item : itemList.items()) {
      if (!item.isObject()) {
        throw new ExportProblem(RevenueExportException.MISSING, item, what + ": an item is " + item.typeName() + ", not an object", null);
      }
      LocatedJson price = item.get("price").isObject() ? item.get("price") : item.get("plan");
      if (!price.isObject()) {
        throw new ExportProblem(RevenueExportException.MISSING, item.get("price"), what + ": an item has no price (nor plan)", null);
      }
      String itemWhat = what + ", price " + String.valueOf(price.get("id").nonBlank());
      Money.Recurrence r = recurrence(price, itemWhat);
      if (r == null) {
        notes.add("not recurring");
        continue;
      }
      String priceId = price.get("id").nonBlank();
      if (priceId != null) {
        prices.put(priceId, r);
      }
      if ("metered".equals(usageType(price))) {
        notes.add("metered");
        continue;
      }
      BigDecimal unit = ReadContext.amount(price.has("unit_amount") || price.has("unit_amount_decimal") ? price.get("unit_amount") : price.get("amount"),
          "unit_amount", itemWhat);
      if (unit == null) {
        unit = ReadContext.amount(price.has("unit_amount_decimal") ? price.get("unit_amount_decimal") : price.get("amount_decimal"),
            "unit_amount_decimal", itemWhat);
      }
      if (unit == null) {
        notes.add("no amount");
        continue;
      }
      BigDecimal quantity = ReadContext.amount(item.get("quantity"), "quantity", itemWhat);
      arr = arr.add(Money.annual(unit.multiply(quantity == null ? BigDecimal.ONE : quantity), r, currency));
      if (first == null) {
        first = r;
      }
    }
    if ("true".equals(j.at("items", "has_more").scalar())) {
      notes.add("items missing");
    }
    arr = discounted(j, arr, first, currency, notes, what);
    ctx.currencies.add(new ReadContext.Currency(currency, what, ctx.place(j)));
    ctx.subs.add(new ReadContext.Sub(id, customer, currency, status, PAYING.contains(status), from, end, arr, Map.copyOf(prices),
        List.copyOf(notes), ctx.order(), ctx.place(j)));
  }

  /** Applies the discounts that last ({@code duration: forever}); others are noted, not applied. */
  private static BigDecimal discounted(LocatedJson j, BigDecimal arr, Money.@Nullable Recurrence r, String currency, List<String> notes,
      String what) {
    List<LocatedJson> discounts = new ArrayList<>();
    if (j.get("discount").isObject()) {
      discounts.add(j.get("discount"));
    }
    for (LocatedJson d : j.get("discounts").items()) {
      if (d.isObject()) {
        if (!j.get("discount").isObject() || !String.valueOf(d.get("id").nonBlank()).equals(j.at("discount", "id").nonBlank())) {
          discounts.add(d);
        }
      } else {
        notes.add("discount not expanded");
      }
    }
    BigDecimal out = arr;
    for (LocatedJson d : discounts) {
      LocatedJson coupon = d.get("coupon").isObject() ? d.get("coupon") : d.at("source", "coupon");
      if (!coupon.isObject()) {
        notes.add("discount not expanded");
        continue;
      }
      if (!"forever".equals(coupon.get("duration").nonBlank())) {
        notes.add("temporary discount");
        continue;
      }
      BigDecimal percent = coupon.get("percent_off").number();
      BigDecimal amountOff = ReadContext.amount(coupon.get("amount_off"), "amount_off", what);
      if (percent != null) {
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
          throw new ExportProblem(RevenueExportException.INVALID, coupon.get("percent_off"), what + ": percent_off " + percent.toString()
              + " is not from 0 to 100", null);
        }
        out = out.multiply(BigDecimal.valueOf(100).subtract(percent)).divide(BigDecimal.valueOf(100), 12, RoundingMode.HALF_EVEN);
      } else if (amountOff != null && r != null) {
        out = out.subtract(Money.annual(amountOff, r, currency)).max(BigDecimal.ZERO);
      }
    }
    return out;
  }

  static void invoice(LocatedJson j, ReadContext ctx) {
    String id = ReadContext.requireText(j, "id", "an invoice");
    String what = "invoice " + id;
    String customer = ReadContext.customer(j.get("customer"));
    if (customer == null) {
      throw new ExportProblem(RevenueExportException.MISSING, j.get("customer"), what + " has no customer", null);
    }
    name(j.get("customer"), ctx);
    if (j.get("customer_name").nonBlank() != null) {
      ctx.customers.add(new ReadContext.Customer(customer, j.get("customer_name").nonBlank()));
    }
    String status = ReadContext.oneOf(j, "status", what, INVOICE_STATUSES);
    Instant created = ReadContext.requireTime(j, "created", what);
    String currency = currency(j, null, what);
    LocatedJson lines = j.at("lines", "data");
    if (!lines.isArray()) {
      throw new ExportProblem(RevenueExportException.MISSING, j.get("lines"), what + " has no lines.data list", null);
    }
    if (!status.equals("paid") && !status.equals("open")) {
      ctx.invoicesNotCounted++;
      return;
    }
    String invoiceSub = ReadContext.customer(j.get("subscription"));
    if (invoiceSub == null) {
      invoiceSub = ReadContext.customer(j.at("parent", "subscription_details", "subscription"));
    }
    List<ReadContext.Line> read = new ArrayList<>();
    for (LocatedJson line : lines.items()) {
      if (!line.isObject()) {
        throw new ExportProblem(RevenueExportException.MISSING, line, what + ": a line is " + line.typeName() + ", not an object", null);
      }
      LocatedJson details = line.at("parent", "subscription_item_details");
      boolean subscriptionLine = "subscription".equals(line.get("type").nonBlank())
          || "subscription_item_details".equals(line.at("parent", "type").nonBlank());
      if (!subscriptionLine) {
        ctx.notRecurring++;
        continue;
      }
      String lineWhat = what + ", line " + String.valueOf(line.get("id").nonBlank());
      if ("true".equals(line.get("proration").scalar()) || "true".equals(details.get("proration").scalar())) {
        ctx.prorations++;
        continue;
      }
      String sub = ReadContext.customer(line.get("subscription"));
      if (sub == null) {
        sub = ReadContext.customer(details.get("subscription"));
      }
      if (sub == null) {
        sub = invoiceSub;
      }
      if (sub == null) {
        throw new ExportProblem(RevenueExportException.MISSING, line, lineWhat + " names no subscription", null);
      }
      LocatedJson period = line.get("period");
      Instant periodStart = ReadContext.requireTime(period.isObject() ? period : line, "start", lineWhat + " period");
      BigDecimal amount = ReadContext.amount(line.get("amount"), "amount", lineWhat);
      if (amount == null) {
        throw new ExportProblem(RevenueExportException.MISSING, line.get("amount"), lineWhat + " has no amount", null);
      }
      BigDecimal discounts = BigDecimal.ZERO;
      for (LocatedJson d : line.get("discount_amounts").items()) {
        BigDecimal a = ReadContext.amount(d.get("amount"), "discount_amounts.amount", lineWhat);
        if (a != null) {
          discounts = discounts.add(a);
        }
      }
      LocatedJson price = line.get("price").isObject() ? line.get("price") : line.get("plan");
      Money.Recurrence r = null;
      String priceId = null;
      if (price.isObject()) {
        r = recurrence(price, lineWhat);
        if (r == null || "metered".equals(usageType(price))) {
          ctx.notRecurring++;
          continue;
        }
      } else {
        priceId = line.get("price").nonBlank() != null ? line.get("price").nonBlank() : line.at("pricing", "price_details", "price").nonBlank();
        if (priceId == null) {
          throw new ExportProblem(RevenueExportException.MISSING, line, lineWhat + " names no price", null);
        }
      }
      read.add(new ReadContext.Line(id, created, customer, currency, sub, periodStart, amount.subtract(discounts).max(BigDecimal.ZERO), r,
          priceId, ctx.place(line)));
    }
    ctx.currencies.add(new ReadContext.Currency(currency, what, ctx.place(j)));
    ctx.lines.addAll(read);
  }

  static void customer(LocatedJson j, ReadContext ctx) {
    ReadContext.requireText(j, "id", "a customer");
    name(j, ctx);
  }

  /** The name of an expanded customer ({@code name}, else {@code email}); deleted customers have none. */
  private static void name(LocatedJson c, ReadContext ctx) {
    if (c.isObject() && c.get("id").nonBlank() != null) {
      String n = c.get("name").nonBlank() != null ? c.get("name").nonBlank() : c.get("email").nonBlank();
      if (n != null) {
        ctx.customers.add(new ReadContext.Customer(c.get("id").nonBlank(), n));
      }
    }
  }

  /** {@code currency} of the object, else of {@code price}; three letters, lower case. */
  private static String currency(LocatedJson j, @Nullable LocatedJson price, String what) {
    LocatedJson v = j.get("currency");
    if (v.isAbsent() && price != null && price.isObject()) {
      v = price.get("currency");
    }
    String c = v.nonBlank();
    if (c == null) {
      throw new ExportProblem(RevenueExportException.MISSING, v, what + " has no currency", null);
    }
    if (!c.matches("[A-Za-z]{3}")) {
      throw new ExportProblem(RevenueExportException.INVALID, v, what + ": currency '" + c + "' is not an ISO 4217 code", null);
    }
    return c.toLowerCase(Locale.ROOT);
  }

  /** A price's {@code recurring} (or a legacy plan's {@code interval}); null for a one-time price. */
  private static Money.@Nullable Recurrence recurrence(LocatedJson price, String what) {
    LocatedJson rec = price.get("recurring").isObject() ? price.get("recurring") : price.has("interval") ? price : null;
    if (rec == null) {
      return null;
    }
    String interval = ReadContext.oneOf(rec, "interval", what, INTERVALS);
    LocatedJson countValue = rec.get("interval_count");
    long count = 1;
    if (!countValue.isAbsent()) {
      BigDecimal n = countValue.number();
      if (countValue.type != LocatedJson.Type.NUMBER || n.signum() <= 0 || n.compareTo(BigDecimal.valueOf(1000)) > 0
          || n.stripTrailingZeros().scale() > 0) {
        throw new ExportProblem(RevenueExportException.INVALID, countValue, what + ": interval_count " + countValue.scalar()
            + " is not a whole number from 1 to 1000", null);
      }
      count = n.longValueExact();
    }
    return new Money.Recurrence(interval, count);
  }

  private static @Nullable String usageType(LocatedJson price) {
    String u = price.at("recurring", "usage_type").nonBlank();
    return u != null ? u : price.get("usage_type").nonBlank();
  }
}
