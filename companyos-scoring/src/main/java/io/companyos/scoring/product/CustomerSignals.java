package io.companyos.scoring.product;

import io.companyos.model.data.FeedbackItem;
import io.companyos.model.data.SupportTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Customer signals that are counts of records: support tickets open at an instant, and feature requests ranked
 * by how often they were asked for.
 *
 * <p>A ticket is open at {@code t} when it was opened at or before {@code t} and not closed by then (the same
 * "open at" rule as incidents and vulnerabilities). Requests are ranked by the number of feedback items naming
 * them, most first; ties by request name, so the order is deterministic. Each also counts distinct accounts,
 * because one loud account filing the same request ten times is a different signal from ten accounts filing it
 * once.
 */
public final class CustomerSignals {
  private CustomerSignals() {}

  /**
   * A request with the feedback items that ask for it and the distinct accounts behind them.
   *
   * @param request the request's name
   * @param requests the feedback items naming it
   * @param accounts the distinct accounts behind them
   * @param accountIds those accounts' ids, sorted
   */
  public record Request(String request, long requests, long accounts, List<String> accountIds) {
    /**
     * Copies the account ids, which are unmodifiable afterwards.
     *
     * @param request the request's name
     * @param requests the feedback items naming it
     * @param accounts the distinct accounts behind them
     * @param accountIds those accounts' ids
     */
    public Request {
      accountIds = List.copyOf(accountIds);
    }
  }

  /**
   * Tickets open at {@code at}: opened at or before it and not closed at or before it.
   *
   * @param tickets the support tickets
   * @param at the instant
   * @return the open tickets, sorted by ticket id
   */
  public static List<SupportTicket> openTickets(List<SupportTicket> tickets, Instant at) {
    return tickets.stream().filter(t -> !t.openedAt().isAfter(at) && (t.closedAt() == null || t.closedAt().isAfter(at)))
        .sorted(Comparator.comparing(SupportTicket::ticketId)).toList();
  }

  /**
   * Every distinct request, ranked.
   *
   * @param feedback the feedback items
   * @return one entry per request, most asked first (ties by name)
   */
  public static List<Request> rankedRequests(List<FeedbackItem> feedback) {
    Map<String, List<FeedbackItem>> by = new TreeMap<>();
    for (FeedbackItem f : feedback) {
      by.computeIfAbsent(f.request(), k -> new ArrayList<>()).add(f);
    }
    List<Request> out = new ArrayList<>();
    by.forEach((request, items) -> out.add(new Request(request, items.size(),
        items.stream().map(FeedbackItem::accountId).distinct().count(),
        items.stream().map(FeedbackItem::accountId).distinct().sorted().toList())));
    out.sort(Comparator.comparingLong(Request::requests).reversed().thenComparing(Request::request));
    return out;
  }
}
