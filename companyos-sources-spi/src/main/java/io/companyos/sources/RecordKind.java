package io.companyos.sources;

import io.companyos.model.data.Account;
import io.companyos.model.data.ActionItem;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.data.Build;
import io.companyos.model.data.Change;
import io.companyos.model.data.CostRow;
import io.companyos.model.data.DashboardView;
import io.companyos.model.data.Decision;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.FeedbackItem;
import io.companyos.model.data.Incident;
import io.companyos.model.data.KeyResult;
import io.companyos.model.data.MeetingRecord;
import io.companyos.model.data.MetricPoint;
import io.companyos.model.data.NpsResponse;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.data.PullRequest;
import io.companyos.model.data.ScheduledEvent;
import io.companyos.model.data.SecurityEvent;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.model.data.SupportTicket;
import io.companyos.model.data.Vulnerability;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed kind of record a source can return, with the timestamp that places a row in a query
 * window: a row belongs to window {@code w} exactly when {@code w.contains(timeOf(row))}.
 * Plugins may declare their own kinds; the built-in ones are constants here.
 */
public final class RecordKind<T> {
  public static final RecordKind<Change> CHANGES = of("changes", Change.class, Change::timeCreated);
  public static final RecordKind<Deployment> DEPLOYMENTS =
      of("deployments", Deployment.class, Deployment::timeCreated);
  public static final RecordKind<Incident> INCIDENTS = of("incidents", Incident.class, Incident::timeCreated);
  public static final RecordKind<MetricPoint> METRICS = of("metrics", MetricPoint.class, MetricPoint::timestamp);
  public static final RecordKind<CostRow> COSTS = of("costs", CostRow.class, CostRow::chargePeriodStart);
  public static final RecordKind<Vulnerability> VULNERABILITIES =
      of("vulnerabilities", Vulnerability.class, Vulnerability::detectedAt);
  public static final RecordKind<SecurityEvent> SECURITY_EVENTS =
      of("security_events", SecurityEvent.class, SecurityEvent::timestamp);
  public static final RecordKind<ProductEvent> PRODUCT_EVENTS =
      of("product_events", ProductEvent.class, ProductEvent::timestamp);
  public static final RecordKind<NpsResponse> NPS_RESPONSES =
      of("nps_responses", NpsResponse.class, NpsResponse::timestamp);
  public static final RecordKind<SupportTicket> SUPPORT_TICKETS =
      of("support_tickets", SupportTicket.class, SupportTicket::openedAt);
  public static final RecordKind<FeedbackItem> FEEDBACK = of("feedback", FeedbackItem.class, FeedbackItem::timestamp);
  public static final RecordKind<Sprint> SPRINTS = of("sprints", Sprint.class, Sprint::start);
  public static final RecordKind<SprintItem> SPRINT_ITEMS =
      of("sprint_items", SprintItem.class, SprintItem::addedAt);
  public static final RecordKind<PullRequest> PULL_REQUESTS =
      of("pull_requests", PullRequest.class, PullRequest::openedAt);
  public static final RecordKind<Build> BUILDS = of("builds", Build.class, Build::timestamp);
  public static final RecordKind<ScheduledEvent> SCHEDULED_EVENTS =
      of("scheduled_events", ScheduledEvent.class, ScheduledEvent::start);
  public static final RecordKind<KeyResult> KEY_RESULTS = of("okrs", KeyResult.class, KeyResult::updatedAt);
  public static final RecordKind<ArrMovement> ARR_MOVEMENTS = of("arr_movements", ArrMovement.class, ArrMovement::date);
  public static final RecordKind<Account> ACCOUNTS = of("accounts", Account.class, Account::since);
  public static final RecordKind<ActionItem> ACTION_ITEMS = of("action_items", ActionItem.class, ActionItem::createdAt);
  public static final RecordKind<MeetingRecord> MEETINGS =
      of("meetings", MeetingRecord.class, MeetingRecord::scheduledStart);
  public static final RecordKind<Decision> DECISIONS = of("decisions", Decision.class, Decision::raisedAt);
  public static final RecordKind<DashboardView> DASHBOARD_VIEWS =
      of("dashboard_views", DashboardView.class, DashboardView::timestamp);

  private static final List<RecordKind<?>> BUILT_IN = List.of(
      CHANGES, DEPLOYMENTS, INCIDENTS, METRICS, COSTS, VULNERABILITIES, SECURITY_EVENTS, PRODUCT_EVENTS,
      NPS_RESPONSES, SUPPORT_TICKETS, FEEDBACK, SPRINTS, SPRINT_ITEMS, PULL_REQUESTS, BUILDS, SCHEDULED_EVENTS,
      KEY_RESULTS, ARR_MOVEMENTS, ACCOUNTS, ACTION_ITEMS, MEETINGS, DECISIONS, DASHBOARD_VIEWS);

  private final String name;
  private final Class<T> type;
  private final Function<T, Instant> timeOf;

  private RecordKind(String name, Class<T> type, Function<T, Instant> timeOf) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.timeOf = Objects.requireNonNull(timeOf, "timeOf");
  }

  /** Declares a record kind; {@code name} is what YAML and provenance call it. */
  public static <T> RecordKind<T> of(String name, Class<T> type, Function<T, Instant> timeOf) {
    return new RecordKind<>(name, type, timeOf);
  }

  /** Every kind CompanyOS itself knows, in a stable order. */
  public static List<RecordKind<?>> builtIn() {
    return BUILT_IN;
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The instant that places {@code row} in a query window. */
  public Instant timeOf(T row) {
    return timeOf.apply(row);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordKind<?> k && k.name.equals(name) && k.type.equals(type);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
