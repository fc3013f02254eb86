package io.companyos.sources.files;

import io.companyos.model.data.Account;
import io.companyos.model.data.ActionItem;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.data.Build;
import io.companyos.model.data.Change;
import io.companyos.model.data.CostRow;
import io.companyos.model.data.DashboardView;
import io.companyos.model.data.Decision;
import io.companyos.model.data.DeployStatus;
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
import io.companyos.sources.RecordKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The file layouts of the {@code files} source, one per built-in record kind. The first three follow
 * the Four Keys tables exactly so that data exported from such pipelines loads as is; costs use FOCUS
 * column names; every other kind uses the record's field names in snake_case.
 */
public final class FileFormats {
  private static final List<FileFormat<?>> ALL = List.of(
      format(RecordKind.CHANGES, cols("change_id,time_created"), cols(""),
          r -> new Change(r.text("change_id"), r.instant("time_created")),
          c -> List.of(c.changeId(), t(c.timeCreated()))).unique(c -> List.of(c.changeId()), "change_id"),
      format(RecordKind.DEPLOYMENTS, cols("deploy_id,time_created,changes,status"), cols("changes,status"),
          r -> new Deployment(r.text("deploy_id"), r.instant("time_created"), r.list("changes"), status(r)),
          d -> List.of(d.deployId(), t(d.timeCreated()), String.join(";", d.changes()), d.status().name().toLowerCase(Locale.ROOT)))
          .unique(d -> List.of(d.deployId()), "deploy_id"),
      format(RecordKind.INCIDENTS, cols("incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy"),
          cols("time_resolved,root_cause_deploy"),
          r -> new Incident(r.text("incident_id"), r.instant("time_created"), notBefore(r, "time_resolved", "time_created"), r.text("severity"),
              r.text("service"), r.text("title"), r.optText("root_cause_deploy")),
          i -> List.of(i.incidentId(), t(i.timeCreated()), t(i.timeResolved()), i.severity(), i.service(), i.title(), s(i.rootCauseDeploy())))
          .unique(i -> List.of(i.incidentId()), "incident_id"),
      format(RecordKind.METRICS, cols("timestamp,metric,labels,value"), cols("labels"),
          r -> new MetricPoint(r.instant("timestamp"), r.text("metric"), r.labels("labels"),
              isCounter(r.text("metric")) ? r.count("value") : r.number("value")),
          m -> List.of(t(m.timestamp()), m.metric(), labels(m.labels()), n(m.value()))),
      format(RecordKind.COSTS, cols("ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ServiceName,ServiceCategory,"
          + "ProviderName,ChargeCategory,PricingCategory,CommitmentDiscountType,CommitmentDiscountStatus,Tags"),
          cols("ListCost,ServiceCategory,ProviderName,ChargeCategory,PricingCategory,CommitmentDiscountType,CommitmentDiscountStatus,Tags"),
          FileFormats::cost,
          c -> List.of(t(c.chargePeriodStart()), t(c.chargePeriodEnd()), m(c.billedCost()), m(c.effectiveCost()), m(c.listCost()),
              c.serviceName(), c.serviceCategory(), c.providerName(), c.chargeCategory(), s(c.pricingCategory()),
              s(c.commitmentDiscountType()), s(c.commitmentDiscountStatus()), CsvRow.json(c.tags()))),
      format(RecordKind.VULNERABILITIES, cols("vuln_id,cve,severity,component,title,detected_at,resolved_at"), cols("cve,title,resolved_at"),
          r -> new Vulnerability(r.text("vuln_id"), r.optText("cve"), r.text("severity").toLowerCase(Locale.ROOT), r.text("component"),
              or(r.optText("title"), ""), r.instant("detected_at"), notBefore(r, "resolved_at", "detected_at")),
          v -> List.of(v.vulnId(), s(v.cve()), v.severity(), v.component(), v.title(), t(v.detectedAt()), t(v.resolvedAt())))
          .unique(v -> List.of(v.vulnId()), "vuln_id"),
      format(RecordKind.SECURITY_EVENTS, cols("timestamp,type,source,count"), cols("source"),
          r -> new SecurityEvent(r.instant("timestamp"), r.text("type"), or(r.optText("source"), ""), r.whole("count")),
          e -> List.of(t(e.timestamp()), e.type(), e.source(), Long.toString(e.count()))),
      format(RecordKind.PRODUCT_EVENTS, cols("timestamp,user_id,account_id,session_id,event,feature"), cols("feature"),
          r -> new ProductEvent(r.instant("timestamp"), r.text("user_id"), r.text("account_id"), r.text("session_id"), r.text("event"),
              r.optText("feature")),
          e -> List.of(t(e.timestamp()), e.userId(), e.accountId(), e.sessionId(), e.event(), s(e.feature()))),
      format(RecordKind.NPS_RESPONSES, cols("timestamp,account_id,score"), cols(""),
          r -> new NpsResponse(r.instant("timestamp"), r.text("account_id"), npsScore(r)),
          n -> List.of(t(n.timestamp()), n.accountId(), Integer.toString(n.score()))),
      format(RecordKind.SUPPORT_TICKETS, cols("ticket_id,account_id,priority,opened_at,closed_at"), cols("closed_at"),
          r -> new SupportTicket(r.text("ticket_id"), r.text("account_id"), r.text("priority"), r.instant("opened_at"),
              notBefore(r, "closed_at", "opened_at")),
          x -> List.of(x.ticketId(), x.accountId(), x.priority(), t(x.openedAt()), t(x.closedAt())))
          .unique(x -> List.of(x.ticketId()), "ticket_id"),
      format(RecordKind.FEEDBACK, cols("timestamp,account_id,request"), cols(""),
          r -> new FeedbackItem(r.instant("timestamp"), r.text("account_id"), r.text("request")),
          f -> List.of(t(f.timestamp()), f.accountId(), f.request())),
      format(RecordKind.SPRINTS, cols("sprint_id,start,end,goals"), cols("goals"),
          r -> new Sprint(r.text("sprint_id"), r.instant("start"), endNotBefore(r, "end", "start"), r.list("goals")),
          x -> List.of(x.sprintId(), t(x.start()), t(x.end()), String.join(";", x.goals())))
          .unique(x -> List.of(x.sprintId()), "sprint_id"),
      format(RecordKind.SPRINT_ITEMS, cols("sprint_id,item_id,title,kind,points,committed,added_at,started_at,completed_at,escaped,goal"),
          cols("started_at,completed_at,escaped,goal"),
          r -> new SprintItem(r.text("sprint_id"), r.text("item_id"), r.text("title"), r.text("kind"), r.count("points"),
              r.bool("committed", true), r.instant("added_at"), r.optInstant("started_at"), notBefore(r, "completed_at", "started_at"),
              r.bool("escaped", false), r.optText("goal")),
          i -> List.of(i.sprintId(), i.itemId(), i.title(), i.kind(), n(i.points()), Boolean.toString(i.committed()), t(i.addedAt()),
              t(i.startedAt()), t(i.completedAt()), Boolean.toString(i.escaped()), s(i.goal())))
          .unique(i -> List.of(i.sprintId(), i.itemId()), "sprint_id", "item_id"),
      format(RecordKind.PULL_REQUESTS, cols("pr_id,title,author,repository,opened_at,first_review_at,merged_at,closed_at"),
          cols("first_review_at,merged_at,closed_at"),
          r -> new PullRequest(r.text("pr_id"), r.text("title"), r.text("author"), r.text("repository"), r.instant("opened_at"),
              r.optInstant("first_review_at"), notBefore(r, "merged_at", "opened_at"), notBefore(r, "closed_at", "opened_at")),
          p -> List.of(p.prId(), p.title(), p.author(), p.repository(), t(p.openedAt()), t(p.firstReviewAt()), t(p.mergedAt()), t(p.closedAt())))
          .unique(p -> List.of(p.repository(), p.prId()), "repository", "pr_id"),
      format(RecordKind.BUILDS, cols("build_id,pipeline,timestamp,success"), cols(""),
          r -> new Build(r.text("build_id"), r.text("pipeline"), r.instant("timestamp"), r.bool("success", false)),
          b -> List.of(b.buildId(), b.pipeline(), t(b.timestamp()), Boolean.toString(b.success())))
          .unique(b -> List.of(b.pipeline(), b.buildId()), "pipeline", "build_id"),
      format(RecordKind.SCHEDULED_EVENTS, cols("event_id,kind,title,service,start,end"), cols("service"),
          r -> new ScheduledEvent(r.text("event_id"), r.text("kind"), r.text("title"), or(r.optText("service"), ""), r.instant("start"),
              endNotBefore(r, "end", "start")),
          e -> List.of(e.eventId(), e.kind(), e.title(), e.service(), t(e.start()), t(e.end())))
          .unique(e -> List.of(e.eventId()), "event_id"),
      format(RecordKind.KEY_RESULTS, cols("quarter,objective_id,objective,key_result_id,title,owner,start,target,current,unit,updated_at,kpi"),
          cols("owner,unit,kpi"),
          r -> new KeyResult(r.text("quarter"), r.text("objective_id"), r.text("objective"), r.text("key_result_id"), r.text("title"),
              or(r.optText("owner"), ""), r.number("start"), r.number("target"), r.number("current"), or(r.optText("unit"), ""),
              r.instant("updated_at"), r.optText("kpi")),
          k -> List.of(k.quarter(), k.objectiveId(), k.objective(), k.keyResultId(), k.title(), k.owner(), n(k.start()), n(k.target()),
              n(k.current()), k.unit(), t(k.updatedAt()), k.kpi() == null ? "" : k.kpi())),
      format(RecordKind.ARR_MOVEMENTS, cols("date,account_id,kind,amount"), cols(""),
          r -> new ArrMovement(r.instant("date"), r.text("account_id"), arrKind(r), r.money("amount")),
          a -> List.of(t(a.date()), a.accountId(), a.kind(), m(a.amount()))),
      format(RecordKind.ACCOUNTS, cols("account_id,name,segment,arr,since"), cols("segment"),
          r -> new Account(r.text("account_id"), r.text("name"), or(r.optText("segment"), ""), nonNegative(r, "arr"), r.instant("since")),
          a -> List.of(a.accountId(), a.name(), a.segment(), m(a.arr()), t(a.since())))
          .unique(a -> List.of(a.accountId()), "account_id"),
      format(RecordKind.ACTION_ITEMS, cols("action_id,meeting,title,owner,created_at,due_at,completed_at"), cols("completed_at"),
          r -> new ActionItem(r.text("action_id"), r.text("meeting"), r.text("title"), r.text("owner"), r.instant("created_at"),
              r.instant("due_at"), notBefore(r, "completed_at", "created_at")),
          a -> List.of(a.actionId(), a.meeting(), a.title(), a.owner(), t(a.createdAt()), t(a.dueAt()), t(a.completedAt())))
          .unique(a -> List.of(a.actionId()), "action_id"),
      format(RecordKind.MEETINGS, cols("meeting_id,meeting,scheduled_start,actual_start"), cols("actual_start"),
          r -> new MeetingRecord(r.text("meeting_id"), r.text("meeting"), r.instant("scheduled_start"), r.optInstant("actual_start")),
          x -> List.of(x.meetingId(), x.meeting(), t(x.scheduledStart()), t(x.actualStart())))
          .unique(x -> List.of(x.meetingId()), "meeting_id"),
      format(RecordKind.DECISIONS, cols("decision_id,meeting,title,raised_at,decided_at"), cols("decided_at"),
          r -> new Decision(r.text("decision_id"), r.text("meeting"), r.text("title"), r.instant("raised_at"), notBefore(r, "decided_at", "raised_at")),
          d -> List.of(d.decisionId(), d.meeting(), d.title(), t(d.raisedAt()), t(d.decidedAt())))
          .unique(d -> List.of(d.decisionId()), "decision_id"),
      format(RecordKind.DASHBOARD_VIEWS, cols("timestamp,user_id,dashboard"), cols(""),
          r -> new DashboardView(r.instant("timestamp"), r.text("user_id"), r.text("dashboard")),
          v -> List.of(t(v.timestamp()), v.userId(), v.dashboard())));

  /** The column each kind's time ({@link RecordKind#timeOf}) is read from, for reading a window only. */
  private static final Map<String, String> TIME_COLUMNS = Map.ofEntries(
      Map.entry("changes", "time_created"), Map.entry("deployments", "time_created"), Map.entry("incidents", "time_created"),
      Map.entry("metrics", "timestamp"), Map.entry("costs", "ChargePeriodStart"), Map.entry("vulnerabilities", "detected_at"),
      Map.entry("security_events", "timestamp"), Map.entry("product_events", "timestamp"), Map.entry("nps_responses", "timestamp"),
      Map.entry("support_tickets", "opened_at"), Map.entry("feedback", "timestamp"), Map.entry("sprints", "start"),
      Map.entry("sprint_items", "added_at"), Map.entry("pull_requests", "opened_at"), Map.entry("builds", "timestamp"),
      Map.entry("scheduled_events", "start"), Map.entry("okrs", "updated_at"), Map.entry("arr_movements", "date"),
      Map.entry("accounts", "since"), Map.entry("action_items", "created_at"), Map.entry("meetings", "scheduled_start"),
      Map.entry("decisions", "raised_at"), Map.entry("dashboard_views", "timestamp"));

  private FileFormats() {}

  /** The column holding the time of {@code kind}'s records. */
  static String timeColumn(RecordKind<?> kind) {
    String c = TIME_COLUMNS.get(kind.name());
    if (c == null) {
      throw new IllegalArgumentException("no time column for " + kind.name());
    }
    return c;
  }

  /** Every layout, in the order of {@link RecordKind#builtIn()}. */
  public static List<FileFormat<?>> all() {
    return ALL;
  }

  /** The layout of {@code kind}, if it has one. */
  @SuppressWarnings("unchecked")
  public static <T> Optional<FileFormat<T>> of(RecordKind<T> kind) {
    return ALL.stream().filter(f -> f.kind().equals(kind)).map(f -> (FileFormat<T>) f).findFirst();
  }

  private static <T> FileFormat<T> format(RecordKind<T> kind, List<String> columns, List<String> optional,
      Function<CsvRow, T> reader, Function<T, List<String>> writer) {
    return new FileFormat<>(kind, columns, optional, reader, writer);
  }

  private static List<String> cols(String csv) {
    return csv.isEmpty() ? List.of() : List.of(csv.split(","));
  }

  /** A deployment's {@code status}: success (also when empty) or failure, in any case. */
  static DeployStatus status(CsvRow r) {
    String v = r.raw("status").toLowerCase(Locale.ROOT);
    return switch (v) {
      case "", "success" -> DeployStatus.SUCCESS;
      case "failure" -> DeployStatus.FAILURE;
      default -> throw new CsvRow.BadValue("status", "'" + v + "' is not success or failure");
    };
  }

  private static int npsScore(CsvRow r) {
    long v = r.whole("score");
    if (v < 0 || v > 10) {
      throw new CsvRow.BadValue("score", v + " is not an NPS answer from 0 to 10");
    }
    return (int) v;
  }

  private static String arrKind(CsvRow r) {
    String v = r.text("kind").toLowerCase(Locale.ROOT);
    if (!List.of("new", "expansion", "contraction", "churn").contains(v)) {
      throw new CsvRow.BadValue("kind", "'" + v + "' is not new, expansion, contraction or churn");
    }
    return v;
  }

  /** FOCUS 1.0 {@code ChargeCategory} values. */
  private static final List<String> CHARGE_CATEGORIES = List.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");

  /**
   * A FOCUS cost row, read by the FOCUS conventions ({@link CsvRow#focus()}): the charge period cannot end before it
   * starts, {@code ChargeCategory} is one of FOCUS's five (default Usage), and only Credit and Adjustment rows may carry
   * negative amounts.
   */
  private static CostRow cost(CsvRow row) {
    CsvRow r = row.focus();
    String charge = chargeCategory(r);
    boolean mayBeNegative = mayBeNegative(charge);
    BigDecimal billed = costAmount(r, "BilledCost", mayBeNegative);
    BigDecimal effective = costAmount(r, "EffectiveCost", mayBeNegative);
    BigDecimal list = r.raw("ListCost").isEmpty() ? effective : costAmount(r, "ListCost", mayBeNegative);
    return new CostRow(r.instant("ChargePeriodStart"), endNotBefore(r, "ChargePeriodEnd", "ChargePeriodStart"), billed, effective, list,
        r.text("ServiceName"), or(r.optText("ServiceCategory"), ""), or(r.optText("ProviderName"), ""), charge,
        r.optText("PricingCategory"), r.optText("CommitmentDiscountType"), commitmentStatus(r), r.jsonTags("Tags"));
  }

  /** FOCUS {@code ChargeCategory} as written in FOCUS (any case read), Usage when empty. */
  static String chargeCategory(CsvRow r) {
    String category = r.raw("ChargeCategory");
    return category.isEmpty() ? "Usage" : CHARGE_CATEGORIES.stream().filter(c -> c.equalsIgnoreCase(category)).findFirst()
        .orElseThrow(() -> new CsvRow.BadValue("ChargeCategory", "'" + category + "' is not a FOCUS charge category ("
            + String.join(", ", CHARGE_CATEGORIES) + ")"));
  }

  /** Whether a cost row of this charge category may have negative amounts (Credit and Adjustment rows). */
  static boolean mayBeNegative(String chargeCategory) {
    return chargeCategory.equals("Credit") || chargeCategory.equals("Adjustment");
  }

  /** FOCUS {@code CommitmentDiscountStatus}: Used or Unused (any case), or empty. */
  static @Nullable String commitmentStatus(CsvRow r) {
    String status = r.optText("CommitmentDiscountStatus");
    if (status == null) {
      return null;
    }
    for (String known : List.of(CostRow.USED, CostRow.UNUSED)) {
      if (known.equalsIgnoreCase(status)) {
        return known;
      }
    }
    throw new CsvRow.BadValue("CommitmentDiscountStatus", "'" + status + "' is not a FOCUS commitment discount status (Used, Unused)");
  }

  private static BigDecimal costAmount(CsvRow r, String column, boolean mayBeNegative) {
    BigDecimal b = r.money(column);
    if (b.signum() < 0 && !mayBeNegative) {
      throw new CsvRow.BadValue(column, "'" + r.raw(column) + "' is negative, which only Credit and Adjustment rows may be (ChargeCategory)");
    }
    return b;
  }

  /** Metric names that count something (Prometheus counters and histogram parts, CompanyOS {@code :count}): never negative. */
  static boolean isCounter(String metric) {
    return metric.endsWith(":count") || metric.endsWith("_count") || metric.endsWith("_total") || metric.endsWith("_bucket");
  }

  /** The optional time in {@code column}, which cannot lie before the time in {@code earlier} (when that is given). */
  private static @Nullable Instant notBefore(CsvRow r, String column, String earlier) {
    Instant t = r.optInstant(column);
    Instant e = t == null ? null : r.optInstant(earlier);
    if (e != null && t.isBefore(e)) {
      throw new CsvRow.BadValue(column, t + " is before " + earlier + " " + e);
    }
    return t;
  }

  /** The required time in {@code column}, which cannot lie before the time in {@code earlier}. */
  private static Instant endNotBefore(CsvRow r, String column, String earlier) {
    r.instant(column);
    return java.util.Objects.requireNonNull(notBefore(r, column, earlier));
  }

  private static BigDecimal nonNegative(CsvRow r, String column) {
    BigDecimal b = r.money(column);
    if (b.signum() < 0) {
      throw new CsvRow.BadValue(column, "'" + r.raw(column) + "' is negative; it cannot be");
    }
    return b;
  }

  private static String t(@Nullable Instant i) {
    return i == null ? "" : i.toString();
  }

  private static String s(@Nullable String v) {
    return v == null ? "" : v;
  }

  private static String or(@Nullable String v, String fallback) {
    return v == null ? fallback : v;
  }

  private static String n(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String m(BigDecimal b) {
    return b.toPlainString();
  }

  private static String labels(Map<String, String> labels) {
    List<String> pairs = new ArrayList<>();
    new java.util.TreeMap<>(labels).forEach((k, v) -> pairs.add(k + "=" + v));
    return pairs.stream().collect(Collectors.joining(";"));
  }
}
