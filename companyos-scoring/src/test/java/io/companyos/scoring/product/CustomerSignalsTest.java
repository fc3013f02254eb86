package io.companyos.scoring.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.FeedbackItem;
import io.companyos.model.data.SupportTicket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerSignalsTest {
  static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void aTicketIsOpenFromItsOpeningUntilItIsClosed() {
    List<SupportTicket> tickets = List.of(
        new SupportTicket("t3", "acc-1", "high", T.minusSeconds(3600), null),              // open
        new SupportTicket("t1", "acc-2", "low", T.minusSeconds(7200), T.minusSeconds(60)),  // closed before T
        new SupportTicket("t2", "acc-2", "low", T.minusSeconds(7200), T.plusSeconds(60)),   // closed after T: open at T
        new SupportTicket("t4", "acc-3", "low", T.plusSeconds(1), null));                   // opened after T
    assertThat(CustomerSignals.openTickets(tickets, T)).extracting(SupportTicket::ticketId).containsExactly("t2", "t3");
  }

  @Test
  void requestsAreRankedByHowOftenTheyWereAskedWithDistinctAccounts() {
    List<FeedbackItem> feedback = List.of(
        new FeedbackItem(T, "acc-1", "sso"), new FeedbackItem(T, "acc-1", "sso"), new FeedbackItem(T, "acc-1", "sso"),
        new FeedbackItem(T, "acc-2", "export"), new FeedbackItem(T, "acc-3", "export"), new FeedbackItem(T, "acc-4", "export"),
        new FeedbackItem(T, "acc-5", "api"));
    List<CustomerSignals.Request> ranked = CustomerSignals.rankedRequests(feedback);
    // export and sso both have 3 requests: the tie is broken by name, so export (3 accounts) comes before sso (1 account).
    assertThat(ranked).extracting(CustomerSignals.Request::request).containsExactly("export", "sso", "api");
    assertThat(ranked.get(0).accounts()).isEqualTo(3);
    assertThat(ranked.get(1).requests()).isEqualTo(3);
    assertThat(ranked.get(1).accounts()).isEqualTo(1);
    assertThat(ranked.get(1).accountIds()).containsExactly("acc-1");
  }
}
