package io.companyos.schedule.check;

import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.Threshold;
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
import org.jspecify.annotations.Nullable;

/**
 * Evaluates health checks and fires their actions. A check queries its source at an instant; it fires
 * when any returned series satisfies the threshold, and the deciding value is the worst one (the largest
 * for {@code >}/{@code >=}, the smallest for {@code <}/{@code <=}). No series means NO_DATA, a failed
 * query ERROR, and data that ends too long before the check STALE (or FIRING for a check with
 * {@code fire_on_stale}) — none of the three fires nor counts as recovery.
 *
 * <p>Notifications: a check that starts firing triggers its action; while it keeps firing the action is
 * repeated only after {@code cooldown} (default 1 hour); when it passes again a recovery (resolve) is sent.
 */
public final class HealthCheckRunner {
  /** Default re-notification interval for a check that keeps firing. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(1);

  private final List<HealthCheck> checks;
  private final SourceRouter router;
  private final ActionRegistry actions;
  private final ActionContext context;
  private final Duration cooldown;

  /** A runner whose checks all query {@code source}. */
  public HealthCheckRunner(List<HealthCheck> checks, MetricSource source, ActionRegistry actions, ActionContext context, Duration cooldown) {
    this(checks, List.of(source), actions, context, cooldown);
  }

  /**
   * A runner over several sources: each check's query goes to the source that serves the metric it
   * names ({@link SourceRouter#forQuery}), e.g. {@code companyos:*} rules to Prometheus.
   */
  public HealthCheckRunner(List<HealthCheck> checks, List<MetricSource> sources, ActionRegistry actions, ActionContext context,
      Duration cooldown) {
    this.checks = List.copyOf(checks);
    this.router = new SourceRouter(sources);
    this.actions = actions;
    this.context = context;
    this.cooldown = cooldown;
  }

  /** Evaluates every check at {@code at}, fires actions as needed and updates {@code state} (then saves it). */
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
    Dataset<Series> ds;
    try {
      MetricSource source = router.forQuery(c.query()).orElse(null);
      if (source == null) {
        return new CheckResult(c, CheckStatus.ERROR, null, Map.of(), "no configured source serves "
            + String.join(", ", SourceRouter.metricNames(c.query())), null, null);
      }
      ds = source.instant(c.query(), at);
    } catch (SourceException e) {
      return new CheckResult(c, CheckStatus.ERROR, null, Map.of(), e.getMessage(), null, null);
    }
    Series worst = null;
    double worstValue = Double.NaN;
    boolean firing = false;
    for (Series s : ds.rows()) {
      if (s.points().isEmpty()) {
        continue;
      }
      double v = s.points().get(s.points().size() - 1).value();
      firing |= c.threshold().test(v);
      if (worst == null || worse(c.threshold(), v, worstValue)) {
        worst = s;
        worstValue = v;
      }
    }
    java.util.Optional<java.time.Duration> staleBy = ds.provenance().covers() == null ? java.util.Optional.empty()
        : ds.provenance().covers().staleBy(at);
    if (staleBy.isPresent()) {
      String detail = "data of " + ds.provenance().sourceId() + " ends " + ds.provenance().covers().last() + ", "
          + staleBy.get().toHours() + " h before the check";
      return new CheckResult(c, c.fireOnStale() ? CheckStatus.FIRING : CheckStatus.STALE, worst == null ? null : worstValue,
          worst == null ? Map.of() : worst.labels(), detail, null, ds.provenance());
    }
    if (worst == null) {
      return new CheckResult(c, CheckStatus.NO_DATA, null, Map.of(), "no data for " + c.query(), null, ds.provenance());
    }
    String detail = ActionEvent.format(worstValue) + (firing ? " " : " not ") + c.threshold();
    return new CheckResult(c, firing ? CheckStatus.FIRING : CheckStatus.OK, worstValue, worst.labels(), detail, null, ds.provenance());
  }

  private CheckResult run(HealthCheck c, Instant at, CheckStateStore state) {
    CheckResult r = evaluate(c, at);
    if (r.status() == CheckStatus.ERROR || r.status() == CheckStatus.NO_DATA || r.status() == CheckStatus.STALE) {
      remember(state, c, r.status(), at, null);
      return r;
    }
    boolean firing = r.status() == CheckStatus.FIRING;
    CheckStateStore.State before = state.get(c.name()).orElse(null);
    ActionEvent.Kind notify = null;
    String suppressed = null;
    if (firing) {
      if (before == null || before.status() != CheckStatus.FIRING) {
        notify = ActionEvent.Kind.TRIGGER;
      } else if (before.lastNotified() == null || !at.isBefore(before.lastNotified().plus(cooldown))) {
        notify = ActionEvent.Kind.TRIGGER;
      } else {
        suppressed = "still firing, notified at " + before.lastNotified() + " (cool-down " + cooldown.toMinutes() + " min)";
      }
    } else if (before != null && before.status() == CheckStatus.FIRING) {
      notify = ActionEvent.Kind.RESOLVE;
    }
    ActionResult action = null;
    if (notify != null) {
      ActionEvent event = new ActionEvent(c.name(), c.query(), c.threshold(), notify, r.value(), r.labels(), at,
          dedupKey(c.name()), "companyos/" + (r.provenance() != null ? r.provenance().sourceId() : "-"));
      action = actions.resolve(c.action()).fire(c.action(), event, context);
    } else if (suppressed != null) {
      action = new ActionResult(c.action(), ActionResult.Outcome.SKIPPED, suppressed);
    }
    remember(state, c, r.status(), at, notify != null ? at : null);
    return new CheckResult(c, r.status(), r.value(), r.labels(), r.detail(), action, r.provenance());
  }

  private static void remember(CheckStateStore state, HealthCheck c, CheckStatus status, Instant at, @Nullable Instant notified) {
    CheckStateStore.State before = state.get(c.name()).orElse(null);
    Instant since = before != null && before.status() == status ? before.since() : at;
    Instant last = notified != null ? notified : before == null ? null : before.lastNotified();
    state.put(c.name(), new CheckStateStore.State(status, since, last));
  }

  private static boolean worse(Threshold t, double candidate, double current) {
    return switch (t.operator()) {
      case LT, LE -> candidate < current;
      default -> candidate > current;
    };
  }

  static String dedupKey(String check) {
    return "companyos-" + check.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
