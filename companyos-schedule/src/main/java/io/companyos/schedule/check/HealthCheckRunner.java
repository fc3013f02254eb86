package io.companyos.schedule.check;

import io.companyos.model.base.CompanyOsException;
import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.Threshold;
import io.companyos.model.slo.SloSpec;
import io.companyos.model.slo.specs.SloSpecs;
import io.companyos.schedule.check.CheckStateStore.Owed;
import io.companyos.schedule.check.CheckStateStore.State;
import io.companyos.scoring.slo.BurnRateAlerts;
import io.companyos.scoring.slo.SpecSloScore;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Series;
import io.companyos.sources.SourceException;
import io.companyos.sources.SourceRouter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates health checks and delivers their notifications. A check queries its source at an instant; it
 * fires when any returned series satisfies the threshold. The deciding series is the most severe firing one
 * when the series carry a {@code severity} label (P1..P4; e.g. open incidents by severity), else the worst
 * value (the largest for {@code >}/{@code >=}, the smallest for {@code <}/{@code <=}). No series means NO_DATA,
 * a failed query ERROR, and data that ends too long before the check STALE (or FIRING for a check with
 * {@code fire_on_stale}) — none of the three fires nor counts as recovery.
 *
 * <p>Delivery is a state machine per check ({@link AlertState}) kept in a {@link CheckStateStore}: a check that
 * starts firing owes a trigger, one that passes again after a trigger may have reached the receiver owes a
 * resolve. What is owed is sent on every run — with a few quick retries and backoff within the run, honouring
 * {@code Retry-After} — until the action returns a receipt (a 2xx answer); a failed or unconfigured action is
 * reported, and after {@link Escalation#after()} failed runs escalated to the RACI accountable role. A run that
 * cannot evaluate the check (ERROR) changes nothing that is owed. While a notified check keeps firing it is
 * reminded after the {@code cooldown} (default 1 hour) or when its severity changes. Triggers and resolves are
 * delivered at least once, paired and de-duplicated at the receiver by a key stable per check.
 */
public final class HealthCheckRunner {
  private static final Logger LOG = LoggerFactory.getLogger("companyos.health");

  /** Default re-notification interval for a check that keeps firing. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(1);

  /**
   * How a delivery is retried within one run: {@code attempts} calls, waiting {@code backoff} (doubling up to
   * {@code maxBackoff}) or the receiver's {@code Retry-After} when it is at most {@code maxRetryAfterWait}; a
   * longer Retry-After defers the next attempt to the first run after it.
   */
  public record Retry(int attempts, Duration backoff, Duration maxBackoff, Duration maxRetryAfterWait) {
    /** Three attempts, 1 s then 2 s apart; Retry-After waited for up to 10 s. */
    public static final Retry DEFAULT = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10));

    public Retry {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1");
      }
    }
  }

  /**
   * How the runner notifies.
   *
   * @param escalation whom undeliverable notifications are escalated to; null = nobody (they are still logged and reported)
   */
  public record Settings(Duration cooldown, Retry retry, @Nullable Escalation escalation) {
    public static Settings of(Duration cooldown) {
      return new Settings(cooldown, Retry.DEFAULT, null);
    }

    public Settings withRetry(Retry retry) {
      return new Settings(cooldown, retry, escalation);
    }

    public Settings withEscalation(@Nullable Escalation escalation) {
      return new Settings(cooldown, retry, escalation);
    }
  }

  private final List<HealthCheck> checks;
  private final SourceRouter router;
  private final ActionRegistry actions;
  private final ActionContext context;
  private final Settings settings;
  private final SloSpecs slos;

  /** A runner whose checks all query {@code source}. */
  public HealthCheckRunner(List<HealthCheck> checks, MetricSource source, ActionRegistry actions, ActionContext context, Duration cooldown) {
    this(checks, List.of(source), actions, context, Settings.of(cooldown));
  }

  /**
   * A runner over several sources: each check's query goes to the source that serves the metric it
   * names ({@link SourceRouter#forQuery}), e.g. {@code companyos:*} rules to Prometheus.
   */
  public HealthCheckRunner(List<HealthCheck> checks, List<MetricSource> sources, ActionRegistry actions, ActionContext context,
      Duration cooldown) {
    this(checks, sources, actions, context, Settings.of(cooldown));
  }

  public HealthCheckRunner(List<HealthCheck> checks, List<MetricSource> sources, ActionRegistry actions, ActionContext context,
      Settings settings) {
    this(checks, new SourceRouter(sources), actions, context, settings, SloSpecs.NONE);
  }

  private HealthCheckRunner(List<HealthCheck> checks, SourceRouter router, ActionRegistry actions, ActionContext context,
      Settings settings, SloSpecs slos) {
    this.checks = List.copyOf(checks);
    this.router = router;
    this.actions = actions;
    this.context = context;
    this.settings = settings;
    this.slos = slos;
  }

  /**
   * This runner with the company's SLO specs, which checks with {@code slo:} decide on ({@link HealthCheck#slo()}):
   * the spec's queries go to the source that serves them, counted as the packs count them ({@link SpecSloScore}).
   */
  public HealthCheckRunner withSlos(SloSpecs slos) {
    return new HealthCheckRunner(checks, router, actions, context, settings, slos);
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Evaluates every check at {@code at}, delivers what is owed and updates {@code state}, saving it before each
   * attempt to send a trigger (so a run killed mid-send still owes the resolve later) and after each delivery.
   */
  public List<CheckResult> runOnce(Instant at, CheckStateStore state) {
    List<CheckResult> results = new ArrayList<>();
    for (HealthCheck c : checks) {
      results.add(run(c, at, state));
    }
    state.save();
    return results;
  }

  /**
   * Evaluates every check at {@code at} without firing actions or touching state — for read-only views
   * such as a health endpoint.
   */
  public List<CheckResult> evaluate(Instant at) {
    List<CheckResult> results = new ArrayList<>();
    for (HealthCheck c : checks) {
      results.add(evaluate(c, at));
    }
    return results;
  }

  private CheckResult evaluate(HealthCheck c, Instant at) {
    if (c.slo() != null) {
      return evaluateSlo(c, c.slo(), at);
    }
    Dataset<Series> ds;
    try {
      MetricSource source = router.forQuery(c.query()).orElse(null);
      if (source == null) {
        return new CheckResult(c, CheckStatus.ERROR, null, Map.of(), "no configured source serves "
            + String.join(", ", SourceRouter.metricNames(c.query())), null, null, c.severity(), null);
      }
      ds = source.instant(c.query(), at);
    } catch (SourceException e) {
      return new CheckResult(c, CheckStatus.ERROR, null, Map.of(), e.getMessage(), null, null, c.severity(), null);
    }
    Series worst = null;
    double worstValue = Double.NaN;
    Series gravest = null;
    double gravestValue = Double.NaN;
    int gravestRank = Integer.MAX_VALUE;
    boolean firing = false;
    for (Series s : ds.rows()) {
      if (s.points().isEmpty()) {
        continue;
      }
      double v = s.points().get(s.points().size() - 1).value();
      boolean fires = c.threshold().test(v);
      firing |= fires;
      if (worst == null || worse(c.threshold(), v, worstValue)) {
        worst = s;
        worstValue = v;
      }
      int rank = HealthCheck.SEVERITIES.indexOf(s.labels().getOrDefault("severity", ""));
      if (fires && rank >= 0 && (rank < gravestRank || (rank == gravestRank && worse(c.threshold(), v, gravestValue)))) {
        gravest = s;
        gravestValue = v;
        gravestRank = rank;
      }
    }
    if (gravest != null) {
      worst = gravest;
      worstValue = gravestValue;
    }
    String severity = gravest != null ? HealthCheck.SEVERITIES.get(gravestRank) : c.severity();
    Optional<Duration> staleBy = ds.provenance().covers() == null ? Optional.empty() : ds.provenance().covers().staleBy(at);
    if (staleBy.isPresent()) {
      String detail = "data of " + ds.provenance().sourceId() + " ends " + ds.provenance().covers().last() + ", "
          + staleBy.get().toHours() + " h before the check";
      return new CheckResult(c, c.fireOnStale() ? CheckStatus.FIRING : CheckStatus.STALE, worst == null ? null : worstValue,
          worst == null ? Map.of() : worst.labels(), detail, null, ds.provenance(), c.severity(), null);
    }
    if (worst == null) {
      return new CheckResult(c, CheckStatus.NO_DATA, null, Map.of(), "no data for " + c.query(), null, ds.provenance(), c.severity(), null);
    }
    String detail = ActionEvent.format(worstValue) + (firing ? " " : " not ") + c.threshold()
        + (gravest != null ? ", worst severity " + severity : "");
    return new CheckResult(c, firing ? CheckStatus.FIRING : CheckStatus.OK, worstValue, worst.labels(), detail, null, ds.provenance(),
        severity, null);
  }

  /**
   * A check on an SLO spec: the measure over the spec's own window (attainment, budget remaining), the hour (burn rate)
   * or the four tier windows (burn tier), all ending at {@code at}; one series labelled with the SLO and its service.
   */
  private CheckResult evaluateSlo(HealthCheck c, HealthCheck.SloTarget target, Instant at) {
    SloSpec spec = slos.find(target.name()).orElse(null);
    if (spec == null) {
      return new CheckResult(c, CheckStatus.ERROR, null, Map.of(), "no SLO spec named '" + target.name() + "' (companyos slos list)",
          null, null, c.severity(), null);
    }
    Optional<String> why = SpecSloScore.notComputed(spec);
    if (why.isPresent()) {
      return new CheckResult(c, CheckStatus.ERROR, null, Map.of(), "SLO " + spec.name() + " is not computed: " + why.get(), null, null,
          c.severity(), null);
    }
    SloEvents events = new SloEvents(at);
    java.util.OptionalDouble v;
    try {
      v = switch (target.measure()) {
        case ATTAINMENT -> SpecSloScore.over(spec, spec.window(), events).attainment();
        case BUDGET_REMAINING -> SpecSloScore.over(spec, spec.window(), events).budgetRemaining();
        case BURN_RATE -> SpecSloScore.over(spec, Duration.ofHours(1), events).burnRate();
        case BURN_TIER -> {
          BurnRateAlerts.Tier tier = SpecSloScore.tier(spec, events);
          yield tier.hasData() ? java.util.OptionalDouble.of(tier.factor()) : java.util.OptionalDouble.empty();
        }
      };
    } catch (SourceException | Unserved e) {
      return new CheckResult(c, CheckStatus.ERROR, null, Map.of(), String.valueOf(e.getMessage()), null, null, c.severity(), null);
    }
    Map<String, String> labels = Map.of("slo", spec.name(), "service", spec.service());
    io.companyos.sources.Provenance p = events.first == null ? null : events.first.provenance();
    if (v.isEmpty()) {
      return new CheckResult(c, CheckStatus.NO_DATA, null, labels, "no events for SLO " + spec.name(), null, p, c.severity(), null);
    }
    double value = v.getAsDouble();
    boolean firing = c.threshold().test(value);
    return new CheckResult(c, firing ? CheckStatus.FIRING : CheckStatus.OK, value, labels,
        ActionEvent.format(value) + (firing ? " " : " not ") + c.threshold(), null, p, c.severity(), null);
  }

  /** No configured source serves a query of an SLO spec. */
  private static final class Unserved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unserved(String message) {
      super(message, null, false, false);
    }
  }

  /** The configured sources as {@link SpecSloScore.Events} at the check's instant. */
  private final class SloEvents implements SpecSloScore.Events {
    private final Instant at;
    @Nullable Dataset<Series> first;

    SloEvents(Instant at) {
      this.at = at;
    }

    @Override
    public double instant(String query) {
      return sum(source(query).instant(query, at), false);
    }

    @Override
    public double value(String query) {
      Dataset<Series> d = source(query).instant(query, at);
      boolean any = d.rows().stream().anyMatch(s -> !s.points().isEmpty()
          && Double.isFinite(s.points().get(s.points().size() - 1).value()));
      double v = sum(d, false);
      return any ? v : Double.NaN;
    }

    @Override
    public double sum(String selector, Duration length) {
      return sum(source(selector).range(selector, io.companyos.model.time.TimeWindow.ending(at, length), Duration.ofHours(1)), true);
    }

    private MetricSource source(String query) {
      return router.forQuery(query).orElseThrow(() -> new Unserved("no configured source serves "
          + String.join(", ", SourceRouter.metricNames(query))));
    }

    private double sum(Dataset<Series> d, boolean allPoints) {
      if (first == null) {
        first = d;
      }
      double v = 0;
      for (Series s : d.rows()) {
        int from = allPoints ? 0 : Math.max(0, s.points().size() - 1);
        for (Series.Point p : s.points().subList(from, s.points().size())) {
          if (Double.isFinite(p.value())) {
            v += p.value();
          }
        }
      }
      return v;
    }
  }

  /** The mutable working copy of a check's {@link State} during one run. */
  private static final class Rec {
    CheckStatus status;
    Instant since;
    Owed owed;
    boolean open;
    boolean notified;
    @Nullable Instant lastNotified;
    @Nullable String notifiedSeverity;
    int failedRuns;
    @Nullable String lastFailure;
    @Nullable Instant notBefore;
    @Nullable Instant escalated;
    @Nullable String receipt;
    @Nullable Double value;
    Map<String, String> labels;
    @Nullable String severity;

    Rec(State s) {
      status = s.status();
      since = s.since();
      owed = s.owed();
      open = s.open();
      notified = s.notified();
      lastNotified = s.lastNotified();
      notifiedSeverity = s.notifiedSeverity();
      failedRuns = s.failedRuns();
      lastFailure = s.lastFailure();
      notBefore = s.notBefore();
      escalated = s.escalated();
      receipt = s.receipt();
      value = s.value();
      labels = s.labels();
      severity = s.severity();
    }

    /** A new notification is owed: failures of an earlier one no longer count. */
    void owe(Owed what) {
      owed = what;
      failedRuns = 0;
      lastFailure = null;
      notBefore = null;
      escalated = null;
    }

    AlertState alert() {
      return switch (status) {
        case FIRING -> owed == Owed.TRIGGER ? AlertState.FIRING_UNNOTIFIED : AlertState.FIRING_NOTIFIED;
        case OK -> owed == Owed.RESOLVE ? AlertState.RESOLVING : AlertState.OK;
        default -> AlertState.ERROR;
      };
    }

    State state() {
      return new State(status, since, alert(), owed, open, notified, lastNotified, notifiedSeverity, failedRuns, lastFailure, notBefore,
          escalated, receipt, value, labels, severity);
    }
  }

  private CheckResult run(HealthCheck c, Instant at, CheckStateStore state) {
    CheckResult r = evaluate(c, at);
    State before = state.get(c.name()).orElse(State.fresh(at));
    Rec s = new Rec(before);
    s.since = before.status() == r.status() && !before.since().equals(Instant.EPOCH) ? before.since() : at;
    s.status = r.status();
    String note = null;
    String suppressed = null;
    boolean remind = false;
    switch (r.status()) {
      case FIRING -> {
        s.value = r.value();
        s.labels = r.labels();
        s.severity = r.severity();
        if (s.owed == Owed.TRIGGER) {
          // still owed: retried below
        } else if (s.notified) {
          if (s.owed == Owed.RESOLVE) {
            note = "firing again before the resolve was delivered: the incident stays open";
            s.owe(Owed.NONE);
          }
          Instant last = s.lastNotified;
          if (last != null && last.isAfter(at)) {
            remind = true;
            note = "the last notification is dated after the run (" + last + "); notifying again";
          } else if (!Objects.equals(s.severity, s.notifiedSeverity)) {
            remind = true;
            note = "severity changed from " + s.notifiedSeverity + " to " + s.severity;
          } else if (last == null || !at.isBefore(last.plus(settings.cooldown()))) {
            remind = true;
          } else {
            suppressed = "still firing, notified at " + last + " (cool-down " + settings.cooldown().toMinutes() + " min)";
          }
        } else {
          s.owe(Owed.TRIGGER);
        }
      }
      case OK -> {
        if (s.owed == Owed.RESOLVE) {
          // still owed: retried below
        } else if (s.open) {
          s.owe(Owed.RESOLVE);
        } else {
          if (s.owed == Owed.TRIGGER) {
            note = "recovered before the trigger could be delivered; nothing was open at the receiver";
          }
          s.owe(Owed.NONE);
        }
      }
      default -> {
        // ERROR, NO_DATA, STALE: the check cannot be evaluated; what is owed stays owed.
      }
    }
    ActionEvent.Kind kind = s.owed == Owed.TRIGGER || remind ? ActionEvent.Kind.TRIGGER
        : s.owed == Owed.RESOLVE ? ActionEvent.Kind.RESOLVE : null;
    ActionResult action = null;
    ActionResult escalation = null;
    if (kind != null && s.notBefore != null && at.isBefore(s.notBefore)) {
      action = new ActionResult(c.action(), ActionResult.Outcome.SKIPPED, "held back: the receiver asked not to be called before "
          + s.notBefore + " (Retry-After)");
    } else if (kind != null) {
      if (kind == ActionEvent.Kind.TRIGGER && !s.open) {
        // Written before sending: if the run dies after the receiver got the trigger, a later passing run still resolves it.
        s.open = true;
        state.put(c.name(), s.state());
        state.save();
      }
      ActionEvent event = new ActionEvent(c.name(), c.query(), c.threshold(), kind, s.value, s.labels, at, dedupKey(c.name()),
          "companyos/" + (r.provenance() != null ? r.provenance().sourceId() : "-"), s.severity, null);
      Attempt attempt = deliver(c.action(), event);
      action = attempt.result();
      if (kind == ActionEvent.Kind.TRIGGER && !attempt.mayHaveReached() && !before.open()) {
        s.open = false; // nothing left the process (not configured, not installed): nothing can be open at the receiver
      }
      if (action.delivered()) {
        s.receipt = action.detail() + " at " + at;
        if (kind == ActionEvent.Kind.TRIGGER) {
          s.notified = true;
          s.lastNotified = at;
          s.notifiedSeverity = s.severity;
        } else {
          s.open = false;
          s.notified = false;
          s.notifiedSeverity = null;
        }
        s.owe(Owed.NONE);
      } else {
        s.lastFailure = action.detail();
        Duration wait = action.retryAfter();
        s.notBefore = wait != null && wait.compareTo(settings.retry().maxRetryAfterWait()) > 0 ? at.plus(wait) : null;
        if (s.owed != Owed.NONE) {
          s.failedRuns++;
          escalation = escalate(c, s, at, kind);
        }
      }
    } else if (suppressed != null) {
      action = new ActionResult(c.action(), ActionResult.Outcome.SKIPPED, suppressed);
    }
    State after = s.state();
    state.put(c.name(), after);
    if (action != null && action.outcome() != ActionResult.Outcome.SKIPPED) {
      state.save();
    }
    CheckResult.Delivery delivery = new CheckResult.Delivery(after.alert(), after.owed(), after.failedRuns(), after.lastFailure(),
        after.receipt(), escalation, note);
    return new CheckResult(c, r.status(), r.value(), r.labels(), r.detail(), action, r.provenance(), r.severity(), delivery);
  }

  /** Escalates once per undelivered notification, after enough failed runs; retried on later runs until delivered. */
  private @Nullable ActionResult escalate(HealthCheck c, Rec s, Instant at, ActionEvent.Kind kind) {
    Escalation e = settings.escalation();
    int after = e == null ? Escalation.DEFAULT_AFTER : e.after();
    if (s.failedRuns < after || s.escalated != null) {
      return null;
    }
    String what = (kind == ActionEvent.Kind.TRIGGER ? "trigger" : "resolve") + " of '" + c.name() + "' (" + c.action() + ")";
    String message = "Escalation to " + (e == null ? "nobody (no escalation configured)" : e.whom()) + ": the " + what
        + " was not delivered in " + s.failedRuns + " runs (last: " + s.lastFailure + ")";
    LOG.error("{}", message);
    if (e == null) {
      return new ActionResult("log", ActionResult.Outcome.SENT, "logged: " + message);
    }
    ActionEvent event = new ActionEvent(c.name(), c.query(), c.threshold(), ActionEvent.Kind.TRIGGER, s.value, s.labels, at,
        dedupKey("escalation " + c.name()), "companyos/escalation", s.severity, message);
    ActionResult result = deliver(e.action(), event).result();
    if (result.delivered()) {
      s.escalated = at;
    }
    return result;
  }

  /**
   * Calls the action up to {@link Retry#attempts} times; a receipt ends it. An action that is not configured or
   * not installed is a failure (reported and retried on the next run), never a silent skip.
   */
  private Attempt deliver(String name, ActionEvent event) {
    Action action;
    try {
      action = actions.resolve(name);
    } catch (CompanyOsException e) {
      return new Attempt(new ActionResult(name, ActionResult.Outcome.FAILED, e.getMessage()), false);
    }
    Retry retry = settings.retry();
    Duration backoff = retry.backoff();
    ActionResult last = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      try {
        last = action.fire(name, event, context);
      } catch (RuntimeException e) {
        last = new ActionResult(action.id(), ActionResult.Outcome.FAILED, "the action threw " + e);
      }
      if (last.delivered()) {
        return new Attempt(attempt == 1 ? last : new ActionResult(last.action(), last.outcome(), last.detail() + " (attempt " + attempt + ")"),
            true);
      }
      if (last.outcome() == ActionResult.Outcome.SKIPPED) {
        return new Attempt(new ActionResult(last.action(), ActionResult.Outcome.FAILED, last.detail()), attempt > 1);
      }
      Duration wait = last.retryAfter() != null ? last.retryAfter() : backoff;
      if (attempt == retry.attempts() || wait.compareTo(retry.maxRetryAfterWait()) > 0) {
        break;
      }
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff.multipliedBy(2);
    }
    return new Attempt(last, true);
  }

  /** What one delivery did, and whether anything may have reached the receiver (false: not configured, not installed). */
  private record Attempt(ActionResult result, boolean mayHaveReached) {}

  private static boolean worse(Threshold t, double candidate, double current) {
    return switch (t.operator()) {
      case LT, LE -> candidate < current;
      default -> candidate > current;
    };
  }

  /** The de-duplication key of a check: stable as long as its name is, e.g. {@code companyos-slo-budget-check}. */
  public static String dedupKey(String check) {
    return "companyos-" + check.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
