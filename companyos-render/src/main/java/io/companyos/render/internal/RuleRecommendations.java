package io.companyos.render.internal;

import io.companyos.model.data.CostRow;
import io.companyos.model.data.Incident;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.recommend.RecommendationRule;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.SectionContext;
import io.companyos.render.Unit;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.recommend.Evidence;
import io.companyos.scoring.recommend.FinOpsRules;
import io.companyos.scoring.recommend.Impact;
import io.companyos.scoring.recommend.Owners;
import io.companyos.scoring.recommend.ProductRules;
import io.companyos.scoring.recommend.Recommendation;
import io.companyos.scoring.recommend.ReliabilityRules;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the company's recommendation rules of one section ({@code recommendations.yaml}, see docs/recommendations.md):
 * reads each rule kind's inputs over the pack's windows, lets {@code companyos-scoring} evaluate them, and maps every
 * recommendation to a list item whose footnote is the data it came from and whose evidence lists each number with its
 * KPI id and window. A rule whose source is missing adds nothing and is named in the section's note.
 */
final class RuleRecommendations {
  /** Time kept back from the section's deadline for the section itself. */
  private static final long MARGIN_MS = 250;

  /** Where rules run: daemon threads, so a rule stuck on a hanging source never keeps the JVM alive. */
  private static final java.util.concurrent.ExecutorService RULES = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "companyos-recommendation-rule");
    t.setDaemon(true);
    return t;
  });

  private RuleRecommendations() {}

  /** One recommendation as a list entry, with the rule's order. */
  record Item(Recommendation recommendation, MetricValue value) {}

  /** What the section's rules produced, and the rules that could not run with why. */
  record Outcome(List<Item> items, List<String> notRun) {}

  static Outcome evaluate(SectionContext ctx, String section) {
    List<Item> items = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    // Rules run side by side, each waited for until shortly before the section's deadline: a source that hangs costs
    // only the rules that read it, which are then named in the note.
    List<RecommendationRule> rules = ctx.company().recommendationRules().forSection(section);
    List<java.util.concurrent.CompletableFuture<List<Item>>> running = new ArrayList<>();
    for (RecommendationRule rule : rules) {
      String owner = Owners.of(rule, activity -> ctx.company().raci().activity(activity)
          .map(io.companyos.model.org.RaciActivity::accountable));
      running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        List<Item> mine = new ArrayList<>();
        run(ctx, rule, owner, mine);
        return mine;
      }, RULES));
    }
    for (int i = 0; i < rules.size(); i++) {
      long wait = Math.max(0, ctx.timeLeft().toMillis() - MARGIN_MS);
      try {
        items.addAll(running.get(i).get(wait, java.util.concurrent.TimeUnit.MILLISECONDS));
      } catch (java.util.concurrent.TimeoutException e) {
        running.get(i).cancel(true);
        notRun.add(rules.get(i).id() + ": n/a (timed out waiting for its source)");
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof io.companyos.model.base.CompanyOsException || c instanceof io.companyos.sources.SourceException) {
          notRun.add(rules.get(i).id() + ": n/a (" + c.getMessage() + ")");
        } else if (c instanceof RuntimeException r) {
          throw r;
        } else {
          throw new IllegalStateException(c);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        notRun.add(rules.get(i).id() + ": n/a (interrupted)");
      }
    }
    items.sort((a, b) -> Recommendation.ORDER.compare(a.recommendation(), b.recommendation()));
    return new Outcome(items, notRun);
  }

  private static void run(SectionContext ctx, RecommendationRule rule, String owner, List<Item> items) {
    TimeWindow w = ctx.window();
    switch (rule.kind()) {
      case BURN_RATE_TIER -> {
        if (!ctx.supportsMetric(io.companyos.model.data.MetricNames.SLO_REQUESTS) && ctx.company().slos().slos().isEmpty()) {
          throw new io.companyos.render.SectionUnavailableException("no SLO data source");
        }
        List<ReliabilitySections.SloRow> rows = ReliabilitySections.slos(ctx, w);
        List<ReliabilityRules.ServiceBurn> burns = new ArrayList<>();
        for (ReliabilitySections.SloRow r : rows) {
          var tier = r.spec() != null ? SpecSlos.tier(ctx, r.spec(), w.end())
              : java.util.Optional.of(ReliabilitySections.ruleTier(ctx, r.service(), r.result().target(), w.end()));
          tier.ifPresent(t -> burns.add(new ReliabilityRules.ServiceBurn(r.service(), t, w.end(), List.of(r.evidence()))));
        }
        Provenance p = rows.isEmpty() ? null : SectionContext.derived(rows.get(0).provenance(),
            "burn rate = error ratio / (1 - target) over 1h/5m, 6h/30m, 1d/2h and 3d/6h ending " + Rows.dateTime(w.end(), ctx.zone()),
            rows.size());
        add(ctx, items, ReliabilityRules.burnRate(rule, owner, burns), p);
      }
      case REPEAT_INCIDENTS -> {
        Duration within = Duration.ofDays((long) rule.number("within_days"));
        // Repeats are judged over the pack's own period: a repeat weeks old is not this week's focus.
        TimeWindow period = ctx.packWindow();
        Dataset<Incident> d = ctx.records(RecordKind.INCIDENTS, new TimeWindow(period.start().minus(within), period.end()));
        add(ctx, items, ReliabilityRules.repeatIncidents(rule, owner, d.rows(), period), d.provenance());
      }
      case CHANGE_FAILURE_RATE -> {
        // The pack's period against its comparison period, the windows the DORA section shows the same rate for.
        DoraResult cur = ReliabilitySections.Dora.compute(ctx, ctx.packWindow());
        DoraResult prev = ReliabilitySections.Dora.compute(ctx, ctx.packPreviousWindow());
        Provenance p = SectionContext.computedOver(ctx.records(RecordKind.DEPLOYMENTS, ctx.packWindow()).provenance(), ctx.packWindow(),
            "failed deployments / deployments, against " + Windows.describe(ctx.packPreviousWindow(), ctx.zone()), cur.deployments());
        add(ctx, items, ReliabilityRules.changeFailureRate(rule, owner, cur, prev), p);
      }
      case VULNERABILITY_SLA -> {
        Dataset<Vulnerability> v = ctx.records(RecordKind.VULNERABILITIES, Rows.history(ctx.asOf()));
        Instant at = w.end().isBefore(ctx.asOf()) ? w.end() : ctx.asOf();
        add(ctx, items, ReliabilityRules.vulnerabilitySla(rule, owner, v.rows(), at, SecuritySections.SLA, w), v.provenance());
      }
      case COMMITMENT_COVERAGE -> {
        Dataset<CostRow> c = ctx.records(RecordKind.COSTS, w);
        add(ctx, items, FinOpsRules.commitmentCoverage(rule, owner, c.rows(), w), c.provenance());
      }
      case UNUSED_COMMITMENTS -> {
        Dataset<CostRow> c = ctx.records(RecordKind.COSTS, w);
        add(ctx, items, FinOpsRules.unusedCommitments(rule, owner, c.rows(), w), c.provenance());
      }
      case UNALLOCATED_SPEND -> {
        Dataset<CostRow> c = ctx.records(RecordKind.COSTS, w);
        add(ctx, items, FinOpsRules.unallocatedSpend(rule, owner, c.rows(), w), c.provenance());
      }
      case COST_PER_MAU_GROWTH -> {
        TimeWindow prev = ctx.previousWindow();
        Dataset<CostRow> c = ctx.records(RecordKind.COSTS, w);
        Dataset<CostRow> cBefore = ctx.records(RecordKind.COSTS, prev);
        long mau = HealthDimensions.activeUsers(ctx, ctx.records(RecordKind.PRODUCT_EVENTS, w));
        long mauBefore = HealthDimensions.activeUsers(ctx, ctx.records(RecordKind.PRODUCT_EVENTS, prev));
        add(ctx, items, FinOpsRules.costPerMauGrowth(rule, owner, c.rows(), cBefore.rows(), mau, mauBefore, w, prev),
            SectionContext.derived(c.provenance(), "EffectiveCost per service / active users, against "
                + Windows.describe(prev, ctx.zone()), c.rows().size()));
      }
      case ADOPTION_DROP -> {
        TimeWindow prev = ctx.previousWindow();
        Dataset<io.companyos.model.data.ProductEvent> cur = ctx.records(RecordKind.PRODUCT_EVENTS, w);
        Dataset<io.companyos.model.data.ProductEvent> before = ctx.records(RecordKind.PRODUCT_EVENTS, prev);
        add(ctx, items, ProductRules.adoptionDrops(rule, owner, cur.rows(), before.rows(), w, prev),
            SectionContext.derived(cur.provenance(), "users of each feature / active users, against "
                + Windows.describe(prev, ctx.zone()), cur.rows().size()));
      }
      case CHURN_RISK -> {
        // The customer-health section's windows: the 30 days ending at the as-of against the 30 before.
        TimeWindow last = TimeWindow.ending(ctx.asOf(), Duration.ofDays(30));
        Dataset<io.companyos.model.data.ProductEvent> events = ctx.records(RecordKind.PRODUCT_EVENTS,
            new TimeWindow(last.previous().start(), last.end()));
        Dataset<io.companyos.model.data.Account> accounts = ctx.records(RecordKind.ACCOUNTS, TimeWindow.ending(ctx.asOf(), Arr.HISTORY));
        add(ctx, items, ProductRules.churnRisk(rule, owner, events.rows(), accounts.rows(), last),
            SectionContext.derived(events.provenance(), "accounts whose active user-days fell against the 30 days before, with their ARR",
                events.rows().size()));
      }
    }
  }

  private static void add(SectionContext ctx, List<Item> items, List<Recommendation> recs, @org.jspecify.annotations.Nullable Provenance p) {
    for (Recommendation r : recs) {
      items.add(new Item(r, MetricValue.text(text(ctx, r), p).withEvidence(evidence(ctx, r))));
    }
  }

  /** "{action}. Impact: {amount} {unit} ({basis}). Owner: {role name}." */
  static String text(SectionContext ctx, Recommendation r) {
    String owner = ctx.company().roles().find(r.owner()).map(io.companyos.model.org.Role::name).orElse(r.owner());
    return r.action() + ". Impact: " + impact(r.impact()) + ". Owner: " + owner;
  }

  static String impact(Impact i) {
    if (i.amount() == null) {
      return "n/a (" + i.absentReason() + ")";
    }
    String amount = i.unit().startsWith("USD") ? "$" + String.format(Locale.ROOT, "%,.0f", i.amount()) + i.unit().substring(3)
        : Unit.NUMBER.format(i.amount()) + " " + i.unit();
    return amount + (i.basis().isEmpty() ? "" : " (" + i.basis() + ")");
  }

  /** Each number as "label = value unit [kpi, window]", then the records it counted. */
  static List<String> evidence(SectionContext ctx, Recommendation r) {
    List<String> out = new ArrayList<>();
    for (Evidence e : r.evidence()) {
      String value = e.value() == null ? "n/a (" + e.absentReason() + ")" : Unit.NUMBER.format(e.value()) + " " + e.unit();
      out.add(r.ruleId() + ": " + e.label() + " = " + value + " [" + e.kpi() + ", " + Windows.describe(e.window(), ctx.zone()) + "]");
      e.records().forEach(id -> out.add(r.ruleId() + ": " + id));
    }
    return out;
  }
}
