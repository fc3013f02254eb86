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
 *
 * @param <T> the row type
 */
public final class RecordKind<T> {
  /** Kind {@code changes}: Change rows, placed in a window by {@link Change#timeCreated()}. */
  public static final RecordKind<Change> CHANGES = of("changes", Change.class, Change::timeCreated);
  /** Kind {@code deployments}: Deployment rows, placed in a window by {@link Deployment#timeCreated()}. */
  public static final RecordKind<Deployment> DEPLOYMENTS =
      of("deployments", Deployment.class, Deployment::timeCreated);
  /** Kind {@code incidents}: Incident rows, placed in a window by {@link Incident#timeCreated()}. */
  public static final RecordKind<Incident> INCIDENTS = of("incidents", Incident.class, Incident::timeCreated);
  /** Kind {@code metrics}: MetricPoint rows, placed in a window by {@link MetricPoint#timestamp()}. */
  public static final RecordKind<MetricPoint> METRICS = of("metrics", MetricPoint.class, MetricPoint::timestamp);
  /** Kind {@code costs}: CostRow rows, placed in a window by {@link CostRow#chargePeriodStart()}. */
  public static final RecordKind<CostRow> COSTS = of("costs", CostRow.class, CostRow::chargePeriodStart);
  /** Kind {@code vulnerabilities}: Vulnerability rows, placed in a window by {@link Vulnerability#detectedAt()}. */
  public static final RecordKind<Vulnerability> VULNERABILITIES =
      of("vulnerabilities", Vulnerability.class, Vulnerability::detectedAt);
  /** Kind {@code security_events}: SecurityEvent rows, placed in a window by {@link SecurityEvent#timestamp()}. */
  public static final RecordKind<SecurityEvent> SECURITY_EVENTS =
      of("security_events", SecurityEvent.class, SecurityEvent::timestamp);
  /** Kind {@code product_events}: ProductEvent rows, placed in a window by {@link ProductEvent#timestamp()}. */
  public static final RecordKind<ProductEvent> PRODUCT_EVENTS =
      of("product_events", ProductEvent.class, ProductEvent::timestamp);
  /** Kind {@code nps_responses}: NpsResponse rows, placed in a window by {@link NpsResponse#timestamp()}. */
  public static final RecordKind<NpsResponse> NPS_RESPONSES =
      of("nps_responses", NpsResponse.class, NpsResponse::timestamp);
  /** Kind {@code support_tickets}: SupportTicket rows, placed in a window by {@link SupportTicket#openedAt()}. */
  public static final RecordKind<SupportTicket> SUPPORT_TICKETS =
      of("support_tickets", SupportTicket.class, SupportTicket::openedAt);
  /** Kind {@code feedback}: FeedbackItem rows, placed in a window by {@link FeedbackItem#timestamp()}. */
  public static final RecordKind<FeedbackItem> FEEDBACK = of("feedback", FeedbackItem.class, FeedbackItem::timestamp);
  /** Kind {@code sprints}: Sprint rows, placed in a window by {@link Sprint#start()}. */
  public static final RecordKind<Sprint> SPRINTS = of("sprints", Sprint.class, Sprint::start);
  /** Kind {@code sprint_items}: SprintItem rows, placed in a window by {@link SprintItem#addedAt()}. */
  public static final RecordKind<SprintItem> SPRINT_ITEMS =
      of("sprint_items", SprintItem.class, SprintItem::addedAt);
  /** Kind {@code pull_requests}: PullRequest rows, placed in a window by {@link PullRequest#openedAt()}. */
  public static final RecordKind<PullRequest> PULL_REQUESTS =
      of("pull_requests", PullRequest.class, PullRequest::openedAt);
  /** Kind {@code builds}: Build rows, placed in a window by {@link Build#timestamp()}. */
  public static final RecordKind<Build> BUILDS = of("builds", Build.class, Build::timestamp);
  /** Kind {@code scheduled_events}: ScheduledEvent rows, placed in a window by {@link ScheduledEvent#start()}. */
  public static final RecordKind<ScheduledEvent> SCHEDULED_EVENTS =
      of("scheduled_events", ScheduledEvent.class, ScheduledEvent::start);
  /** Kind {@code okrs}: KeyResult rows, placed in a window by {@link KeyResult#updatedAt()}. */
  public static final RecordKind<KeyResult> KEY_RESULTS = of("okrs", KeyResult.class, KeyResult::updatedAt);
  /** Kind {@code arr_movements}: ArrMovement rows, placed in a window by {@link ArrMovement#date()}. */
  public static final RecordKind<ArrMovement> ARR_MOVEMENTS = of("arr_movements", ArrMovement.class, ArrMovement::date);
  /** Kind {@code accounts}: Account rows, placed in a window by {@link Account#since()}. */
  public static final RecordKind<Account> ACCOUNTS = of("accounts", Account.class, Account::since);
  /** Kind {@code action_items}: ActionItem rows, placed in a window by {@link ActionItem#createdAt()}. */
  public static final RecordKind<ActionItem> ACTION_ITEMS = of("action_items", ActionItem.class, ActionItem::createdAt);
  /** Kind {@code meetings}: MeetingRecord rows, placed in a window by {@link MeetingRecord#scheduledStart()}. */
  public static final RecordKind<MeetingRecord> MEETINGS =
      of("meetings", MeetingRecord.class, MeetingRecord::scheduledStart);
  /** Kind {@code decisions}: Decision rows, placed in a window by {@link Decision#raisedAt()}. */
  public static final RecordKind<Decision> DECISIONS = of("decisions", Decision.class, Decision::raisedAt);
  /** Kind {@code dashboard_views}: DashboardView rows, placed in a window by {@link DashboardView#timestamp()}. */
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

  /**
   * Declares a record kind.
   *
   * @param <T> the row type
   * @param name what YAML and provenance call the kind
   * @param type the row class
   * @param timeOf the instant that places a row in a query window
   * @return the kind
   */
  public static <T> RecordKind<T> of(String name, Class<T> type, Function<T, Instant> timeOf) {
    return new RecordKind<>(name, type, timeOf);
  }

  /**
   * Every kind CompanyOS itself knows, in a stable order.
   *
   * @return the built-in kinds
   */
  public static List<RecordKind<?>> builtIn() {
    return BUILT_IN;
  }

  /**
   * What YAML and provenance call this kind.
   *
   * @return the kind's name
   */
  public String name() {
    return name;
  }

  /**
   * The class of this kind's rows.
   *
   * @return the row class
   */
  public Class<T> type() {
    return type;
  }

  /**
   * The instant that places {@code row} in a query window.
   *
   * @param row a row of this kind
   * @return its time
   */
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
