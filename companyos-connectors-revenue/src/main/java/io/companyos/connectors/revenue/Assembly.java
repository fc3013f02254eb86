package io.companyos.connectors.revenue;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Works out each customer's ARR over time from its subscriptions and their invoices, then the movements between
 * consecutive states and the accounts (docs/connectors.md, "The ARR rule").
 */
final class Assembly {
  record Result(List<Account> accounts, List<ArrMovement> movements, List<String> notes) {}

  /** A problem found after reading, at the place of the statement it is about. */
  record Late(ExportProblem problem, ReadContext.Place place) {}

  private Assembly() {}

  /**
   * @param currency the one currency to read, or null when the exports must hold one only
   * @param late where problems found while joining go (strict mode throws them, lenient mode skips the line)
   */
  static Result build(List<ReadContext.Sub> subStatements, List<ReadContext.Line> lineStatements, List<ReadContext.Customer> customers,
      List<ReadContext.Currency> currencies, List<ReadContext.Page> pages, String currency, int prorations, int notRecurring,
      int invoicesNotCounted, Consumer<Late> late) {
    List<String> notes = new ArrayList<>();
    int otherSubs = 0;
    int otherInvoices = 0;
    for (ReadContext.Currency c : currencies) {
      if (!c.code().equals(currency)) {
        if (c.what().startsWith("subscription")) {
          otherSubs++;
        } else {
          otherInvoices++;
        }
      }
    }
    Map<String, ReadContext.Sub> subs = new LinkedHashMap<>();
    for (ReadContext.Sub s : subStatements) {
      if (s.currency().equals(currency)) {
        subs.merge(s.id(), s, (a, b) -> a.order() > b.order() ? a : b);
      }
    }
    Map<String, Money.Recurrence> prices = new HashMap<>();
    subs.values().forEach(s -> prices.putAll(s.prices()));

    // Each subscription's states from its invoices: per period start, the latest invoice's recurring lines summed.
    Map<String, TreeMap<Instant, BigDecimal>> invoiced = new HashMap<>();
    Map<String, Map<Instant, String>> invoiceOf = new HashMap<>();
    Map<String, Instant> invoiceCreated = new HashMap<>();
    Map<String, String> customerOfSub = new HashMap<>();
    List<ReadContext.Line> lines = new ArrayList<>(lineStatements.stream().filter(l -> l.currency().equals(currency)).toList());
    lines.sort(Comparator.comparing(ReadContext.Line::invoiceCreated).thenComparing(ReadContext.Line::invoice));
    for (ReadContext.Line l : lines) {
      Money.Recurrence r = l.recurrence() != null ? l.recurrence() : prices.get(l.priceId());
      if (r == null) {
        late.accept(new Late(new ExportProblem(RevenueExportException.MISSING, l.place().line(), l.place().column(),
            "invoice " + l.invoice() + ": price " + l.priceId() + " of a line is neither expanded nor the price of a subscription read",
            "save the subscriptions with the invoices, or the invoices with expand[]=data.lines.data.price"), l.place()));
        continue;
      }
      BigDecimal arr = Money.annual(l.net(), r, currency);
      Map<Instant, String> from = invoiceOf.computeIfAbsent(l.subscription(), k -> new HashMap<>());
      TreeMap<Instant, BigDecimal> states = invoiced.computeIfAbsent(l.subscription(), k -> new TreeMap<>());
      String before = from.get(l.periodStart());
      if (before != null && !before.equals(l.invoice())) {
        states.remove(l.periodStart()); // a later invoice for the same period restates it
      }
      from.put(l.periodStart(), l.invoice());
      invoiceCreated.put(l.invoice(), l.invoiceCreated());
      states.merge(l.periodStart(), arr, BigDecimal::add);
      customerOfSub.putIfAbsent(l.subscription(), l.customer());
    }
    subs.values().forEach(s -> customerOfSub.put(s.id(), s.customer()));

    // Per customer: every subscription's states, as (time → ARR of that subscription from then on).
    Map<String, Map<String, TreeMap<Instant, BigDecimal>>> byCustomer = new TreeMap<>();
    int neverPaid = 0;
    Map<String, Integer> itemNotes = new TreeMap<>();
    for (String subId : new TreeSet<>(customerOfSub.keySet())) {
      ReadContext.Sub s = subs.get(subId);
      TreeMap<Instant, BigDecimal> states = new TreeMap<>();
      TreeMap<Instant, BigDecimal> fromInvoices = invoiced.get(subId);
      if (fromInvoices != null) {
        states.putAll(fromInvoices);
      } else if (s != null && s.paying() && (s.end() == null || s.end().isAfter(s.from()))) {
        states.put(s.from(), s.arr());
        s.notes().forEach(n -> itemNotes.merge(n, 1, Integer::sum));
      } else if (s != null) {
        neverPaid++;
        continue;
      }
      if (s != null && s.end() != null) {
        states.tailMap(s.end(), true).clear();
        states.put(s.end(), BigDecimal.ZERO);
      }
      byCustomer.computeIfAbsent(customerOfSub.get(subId), k -> new LinkedHashMap<>()).put(subId, states);
    }

    Map<String, String> names = new HashMap<>();
    customers.forEach(c -> names.put(c.id(), c.name()));
    List<ArrMovement> movements = new ArrayList<>();
    List<Account> accounts = new ArrayList<>();
    for (Map.Entry<String, Map<String, TreeMap<Instant, BigDecimal>>> e : byCustomer.entrySet()) {
      String customer = e.getKey();
      TreeSet<Instant> times = new TreeSet<>();
      e.getValue().values().forEach(st -> times.addAll(st.keySet()));
      BigDecimal previous = BigDecimal.ZERO.setScale(2);
      Instant since = null;
      for (Instant t : times) {
        BigDecimal total = BigDecimal.ZERO;
        for (TreeMap<Instant, BigDecimal> st : e.getValue().values()) {
          Map.Entry<Instant, BigDecimal> at = st.floorEntry(t);
          if (at != null) {
            total = total.add(at.getValue());
          }
        }
        total = Money.round(total, currency);
        int c = total.compareTo(previous);
        if (c != 0) {
          String kind = previous.signum() == 0 ? "new" : total.signum() == 0 ? "churn" : c > 0 ? "expansion" : "contraction";
          movements.add(new ArrMovement(t, customer, kind, total.subtract(previous).abs()));
          if (since == null) {
            since = t;
          }
        }
        previous = total;
      }
      if (since != null) {
        accounts.add(new Account(customer, names.getOrDefault(customer, customer), "", previous, since));
      }
    }
    movements.sort(Comparator.comparing(ArrMovement::date).thenComparing(ArrMovement::accountId));
    accounts.sort(Comparator.comparing(Account::since).thenComparing(Account::accountId));

    if (otherSubs + otherInvoices > 0) {
      notes.add(count(otherSubs, "subscription") + " and " + count(otherInvoices, "invoice") + " in other currencies than "
          + currency + " left out");
    }
    if (neverPaid > 0) {
      notes.add(count(neverPaid, "subscription") + " that never paid (trialing, incomplete, paused, without paid invoices) left out");
    }
    if (invoicesNotCounted > 0) {
      notes.add(count(invoicesNotCounted, "draft, void or uncollectible invoice") + " left out");
    }
    if (prorations > 0) {
      notes.add(count(prorations, "proration line") + " left out");
    }
    if (notRecurring > 0) {
      notes.add(count(notRecurring, "invoice line") + " not for a licensed recurring price left out");
    }
    itemNotes.forEach((n, k) -> notes.add(switch (n) {
      case "metered" -> count(k, "subscription") + " with metered items: those items left out";
      case "no amount" -> count(k, "subscription") + " with prices without unit_amount (tiers): those items left out";
      case "not recurring" -> count(k, "subscription") + " with one-time prices: those items left out";
      case "items missing" -> count(k, "subscription") + " whose items list has more: true (items missing)";
      case "discount not expanded" -> count(k, "subscription") + " with discounts not expanded: not applied";
      default -> count(k, "subscription") + " with once or repeating discounts: not applied";
    }));
    Map<String, Boolean> complete = new LinkedHashMap<>();
    for (ReadContext.Page p : pages) {
      complete.merge(p.list(), !p.hasMore(), Boolean::logicalOr);
    }
    complete.forEach((list, done) -> {
      if (!done) {
        notes.add("every saved " + list + "s page says has_more: true (later pages missing)");
      }
    });
    return new Result(List.copyOf(accounts), List.copyOf(movements), notes);
  }

  static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
