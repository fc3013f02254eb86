package io.companyos.render.internal;

import io.companyos.scoring.product.Engagement;

import io.companyos.model.data.ArrMovement;
import io.companyos.model.data.FeedbackItem;
import io.companyos.model.data.NpsResponse;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.data.SupportTicket;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.scoring.product.ChurnRisk;
import io.companyos.scoring.product.CustomerSignals;
import io.companyos.scoring.product.NetPromoterScore;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Product sections: engagement, feature adoption, customer health, top requests. */
final class ProductSections {
  static final List<String> ENGAGEMENT_COLUMNS = List.of("Metric", "This Week", "Last Week", "Delta", "Trend");
  static final List<String> ADOPTION_COLUMNS = List.of("Feature", "Users", "Adoption", "Change");

  private ProductSections() {}

  /** DAU over the complete days of {@code w} ({@link Engagement#meanDailyActive}); NaN when it holds no complete day. */
  static double dau(List<ProductEvent> events, TimeWindow w, java.time.ZoneId zone) {
    return Engagement.meanDailyActive(events, w, zone).orElse(Double.NaN);
  }

  /** Distinct active users per day of the section window, oldest first ({@link Engagement#dailyActiveUsers}). */
  static List<Double> dailyActive(List<ProductEvent> events, SectionContext ctx) {
    return Engagement.dailyActiveUsers(events, ctx.zone()).values().stream().map(Long::doubleValue).toList();
  }

  /** {@link Engagement#sessionsPerUser}; NaN without activity, as {@link #dau} is. */
  static double sessionsPerUser(List<ProductEvent> events) {
    return Engagement.sessionsPerUser(events).orElse(Double.NaN);
  }

  /** DAU, WAU and sessions per user against the previous window. */
  static final class EngagementSummary extends FixedSection {
    EngagementSummary() {
      super("engagement_summary", List.of(), List.of(ENGAGEMENT_COLUMNS));
    }

    /**
     * Each row from the values precomputed for exactly the section's (or the previous) window when a source holds
     * them ({@link Precomputed}: DAU, and WAU when the window is the 7 days WAU is defined over), else from the
     * product events; without either, n/a with the reason.
     */
    @Override
    public PackSection assemble(SectionContext ctx) {
      boolean hasEvents = ctx.supports(RecordKind.PRODUCT_EVENTS);
      Dataset<ProductEvent> cur = hasEvents ? ctx.records(RecordKind.PRODUCT_EVENTS, ctx.window()) : null;
      Dataset<ProductEvent> prev = hasEvents ? ctx.records(RecordKind.PRODUCT_EVENTS, ctx.previousWindow()) : null;
      List<List<MetricValue>> rows = new ArrayList<>();
      for (String m : ctx.strings("metrics", List.of("dau", "wau", "sessions_per_user"))) {
        String label;
        Unit unit = Unit.COUNT;
        String kpi;
        java.util.function.BiFunction<Dataset<ProductEvent>, TimeWindow, Double> compute;
        switch (m) {
          case "dau" -> { label = "DAU"; kpi = "dau"; compute = (d, w) -> dau(d.rows(), w, ctx.zone()); }
          case "wau" -> {
            label = "WAU";
            kpi = "wau"; // distinct users of the 7 days ending at the window's end: the window's own only when it is 7 days
            compute = (d, w) -> (double) HealthDimensions.activeUsers(ctx, d);
          }
          default -> { label = "Sessions/User"; kpi = null; compute = (d, w) -> sessionsPerUser(d.rows()); unit = Unit.NUMBER; }
        }
        java.util.Optional<Precomputed.Found> pcNow = precomputed(ctx, kpi, ctx.window());
        java.util.Optional<Precomputed.Found> pcPrev = precomputed(ctx, kpi, ctx.previousWindow());
        Double p = pcPrev.isPresent() ? pcPrev.get().scaled(1)
            : prev == null || prev.rows().isEmpty() ? null : compute.apply(prev, ctx.previousWindow());
        MetricValue now;
        if (pcNow.isPresent()) {
          now = pcNow.get().metric(unit, 1);
        } else if (cur != null) {
          now = MetricValue.of(compute.apply(cur, ctx.window()), unit, cur.provenance());
          if (m.equals("dau")) {
            now = now.withHistory(dailyActive(cur.rows(), ctx));
          }
        } else {
          now = MetricValue.absent(noEvents(kpi, ctx.window(), ctx), unit);
        }
        now = now.comparedWith(p, Direction.HIGHER_IS_BETTER);
        if (m.equals("dau")) {
          now = now.asKpi("dau");
        }
        MetricValue before = pcPrev.isPresent() ? pcPrev.get().metric(unit, 1)
            : prev == null ? MetricValue.absent(noEvents(kpi, ctx.previousWindow(), ctx), unit)
            : prev.rows().isEmpty() ? MetricValue.absent("no events in the previous window", unit)
            : MetricValue.of(p, unit, prev.provenance());
        String trend = now.deltaAbsolute() == null ? "n/a (no previous value)"
            : now.trendArrow() + (now.good() == null ? "" : now.good() ? " better" : " worse");
        rows.add(List.of(MetricValue.label(label), now, before, MetricValue.text(now.deltaText(), now.provenance()),
            MetricValue.text(trend, now.provenance())));
      }
      return ctx.builder().table(new SectionTable("", ENGAGEMENT_COLUMNS, rows, "")).build();
    }

    /** The value of {@code kpi} precomputed over {@code w}; WAU only over a 7-day window, the only one it equals. */
    private static java.util.Optional<Precomputed.Found> precomputed(SectionContext ctx, @Nullable String kpi, TimeWindow w) {
      if (kpi == null || (kpi.equals("wau") && !w.length().equals(Duration.ofDays(7)))) {
        return java.util.Optional.empty();
      }
      return Precomputed.find(ctx, kpi, w);
    }

    private static String noEvents(@Nullable String kpi, TimeWindow w, SectionContext ctx) {
      return "no source of product events" + (kpi == null ? "" : " and no " + kpi + " precomputed for "
          + Windows.describe(w, ctx.zone()));
    }
  }

  /** Users of each feature and their share of active users, against the previous window. */
  static final class FeatureAdoption extends FixedSection {
    FeatureAdoption() {
      super("feature_adoption", List.of(), List.of(ADOPTION_COLUMNS));
    }

    /**
     * From the product events, each adoption taken from the value precomputed for the feature and exactly the window
     * where a source holds one; without product events, the features precomputed for the window, ordered as
     * {@link Engagement#featureUse} orders them (most adopted first, ties by name), without user counts, which the
     * precomputed values do not carry.
     */
    @Override
    public PackSection assemble(SectionContext ctx) {
      List<String> wanted = ctx.strings("features", List.of("all"));
      java.util.SortedMap<String, Precomputed.Found> pcNow = Precomputed.findAll(ctx, "feature_adoption", ctx.window(), "feature");
      java.util.SortedMap<String, Precomputed.Found> pcPrev = Precomputed.findAll(ctx, "feature_adoption", ctx.previousWindow(), "feature");
      List<List<MetricValue>> rows = new ArrayList<>();
      if (!ctx.supports(RecordKind.PRODUCT_EVENTS) && !pcNow.isEmpty()) {
        pcNow.values().stream().filter(f -> wanted.contains("all") || wanted.contains(f.value().point().labels().get("feature")))
            .sorted(java.util.Comparator.comparingDouble((Precomputed.Found f) -> f.value().value()).reversed())
            .limit(ctx.integer("limit", 10)).forEach(f -> {
              String feature = f.value().point().labels().get("feature");
              Precomputed.Found before = pcPrev.get(feature);
              MetricValue adoption = f.metric(Unit.PERCENT, 1).comparedWith(before == null ? null : before.scaled(1), Direction.HIGHER_IS_BETTER);
              rows.add(List.of(MetricValue.label(feature), MetricValue.absent("precomputed adoption carries no user count", Unit.COUNT),
                  adoption, MetricValue.text(before == null ? "n/a (no adoption precomputed for "
                      + Windows.describe(ctx.previousWindow(), ctx.zone()) + ")" : adoption.deltaText(), f.provenance())));
            });
        return ctx.builder().table(new SectionTable("", ADOPTION_COLUMNS, rows, "")).build();
      }
      Dataset<ProductEvent> cur = ctx.records(RecordKind.PRODUCT_EVENTS, ctx.window());
      Dataset<ProductEvent> prev = ctx.records(RecordKind.PRODUCT_EVENTS, ctx.previousWindow());
      Engagement.featureUse(cur.rows(), prev.rows()).stream().filter(f -> wanted.contains("all") || wanted.contains(f.feature()))
          .limit(ctx.integer("limit", 10)).forEach(f -> {
            Precomputed.Found now = pcNow.get(f.feature());
            Precomputed.Found before = pcPrev.get(f.feature());
            Double prevShare = before != null ? before.scaled(1)
                : f.previousAdoptionPercent().isPresent() ? (Double) f.previousAdoptionPercent().getAsDouble() : null;
            MetricValue adoption = (now != null ? now.metric(Unit.PERCENT, 1) : MetricValue.of(f.adoptionPercent(), Unit.PERCENT, cur.provenance()))
                .comparedWith(prevShare, Direction.HIGHER_IS_BETTER);
            rows.add(List.of(MetricValue.label(f.feature()), MetricValue.of(f.users(), Unit.COUNT, cur.provenance()), adoption,
                MetricValue.text(prevShare == null ? "new this period" : adoption.deltaText(), cur.provenance())));
          });
      return ctx.builder().table(new SectionTable("", ADOPTION_COLUMNS, rows, "No feature use recorded in the window.")).build();
    }
  }

  /** Sign-ups, churn-risk accounts, open support tickets and rolling NPS. */
  static final class CustomerHealth extends FixedSection {
    CustomerHealth() {
      super("customer_health", List.of(f("signups", "New Signups"), f("churn_risk_count", "Churn Risk Accounts"),
          f("support_tickets", "Open Support Tickets"), f("nps", "NPS (rolling 30d)")), List.of());
    }

    /**
     * Sign-ups from the value precomputed for exactly the window when a source holds one ({@link Precomputed}), else
     * from the product events. Without product events but with precomputed sign-ups, each other signal whose records
     * no source holds is n/a with that reason.
     */
    @Override
    public PackSection assemble(SectionContext ctx) {
      Instant at = ctx.asOf();
      java.util.Optional<Precomputed.Found> pcNow = Precomputed.find(ctx, "signups", ctx.window());
      java.util.Optional<Precomputed.Found> pcPrev = Precomputed.find(ctx, "signups", ctx.previousWindow());
      boolean events = ctx.supports(RecordKind.PRODUCT_EVENTS) || pcNow.isEmpty(); // without either: unavailable, as before
      SectionBuilder b = ctx.builder();
      Double before = pcPrev.isPresent() ? pcPrev.get().scaled(1)
          : events ? (Double) (double) Engagement.signups(ctx.records(RecordKind.PRODUCT_EVENTS, ctx.previousWindow()).rows()) : null;
      MetricValue signups;
      if (pcNow.isPresent()) {
        signups = pcNow.get().metric(Unit.COUNT, 1);
      } else {
        Dataset<ProductEvent> cur = ctx.records(RecordKind.PRODUCT_EVENTS, ctx.window());
        signups = MetricValue.of(Engagement.signups(cur.rows()), Unit.COUNT, cur.provenance());
      }
      b.field("signups", "New Signups", signups.comparedWith(before, Direction.HIGHER_IS_BETTER).asKpi("signups"));
      b.field("churn_risk_count", "Churn Risk Accounts", events ? churnRisk(ctx, at)
          : MetricValue.absent("no source of product events", Unit.COUNT).asKpi("churn_risk_accounts"));
      if (events || ctx.supports(RecordKind.SUPPORT_TICKETS)) {
        Dataset<SupportTicket> t = ctx.records(RecordKind.SUPPORT_TICKETS, Rows.history(at));
        List<String> open = CustomerSignals.openTickets(t.rows(), at).stream().map(SupportTicket::ticketId).toList();
        b.field("support_tickets", "Open Support Tickets", MetricValue.of(open.size(), Unit.COUNT, SectionContext.derived(t.provenance(),
            "tickets opened by and not closed at the as-of", open.size())).withEvidence(open).asKpi("open_support_tickets"));
      } else {
        b.field("support_tickets", "Open Support Tickets", MetricValue.absent("no source of support tickets", Unit.COUNT)
            .asKpi("open_support_tickets"));
      }
      Duration window = ctx.duration("nps_window", Duration.ofDays(30));
      TimeWindow npsWindow = TimeWindow.ending(at, window);
      if (events || ctx.supports(RecordKind.NPS_RESPONSES)) {
        Dataset<NpsResponse> nps = ctx.records(RecordKind.NPS_RESPONSES, npsWindow);
        OptionalDouble score = NetPromoterScore.of(nps.rows(), npsWindow);
        b.field("nps", "NPS (rolling 30d)", (score.isPresent()
            ? MetricValue.of(score.getAsDouble(), Unit.NUMBER, String.format(java.util.Locale.ROOT, "%+.0f (%d responses)",
                score.getAsDouble(), nps.rows().size()), nps.provenance())
            : MetricValue.absent("no NPS responses in the window", Unit.NUMBER)).asKpi("nps"));
      } else {
        b.field("nps", "NPS (rolling 30d)", MetricValue.absent("no source of NPS responses", Unit.NUMBER).asKpi("nps"));
      }
      return b.build();
    }

    /** Accounts whose active user-days fell by 70% or more against the 30 days before ({@link ChurnRisk}). */
    private static MetricValue churnRisk(SectionContext ctx, Instant at) {
      TimeWindow last = TimeWindow.ending(at, Duration.ofDays(30));
      Dataset<ProductEvent> events = ctx.records(RecordKind.PRODUCT_EVENTS, new TimeWindow(last.previous().start(), at));
      List<String> risky = ChurnRisk.accountsAtRisk(events.rows(), last, ChurnRisk.DEFAULT_DROP).stream().sorted().toList();
      String names = risky.isEmpty() ? "" : " (" + String.join(", ", risky.subList(0, Math.min(5, risky.size())))
          + (risky.size() > 5 ? ", ..." : "") + ")";
      return MetricValue.of(risky.size(), Unit.COUNT, risky.size() + names, SectionContext.derived(events.provenance(),
          "accounts whose active user-days fell 70% or more against the 30 days before", risky.size())).withEvidence(risky)
          .asKpi("churn_risk_accounts");
    }
  }

  /** Most requested features from feedback, by number of requests and accounts. */
  static final class TopRequests extends FixedSection {
    TopRequests() {
      super("top_requests", List.of(), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Dataset<FeedbackItem> d = ctx.records(RecordKind.FEEDBACK, ctx.window());
      SectionBuilder b = ctx.builder();
      CustomerSignals.rankedRequests(d.rows()).stream().limit(ctx.integer("limit", 5)).forEach(r -> b.item(
          MetricValue.text(r.request() + " (" + r.requests() + " requests from " + r.accounts() + " accounts)", d.provenance())));
      b.emptyText("No feedback recorded in the window.");
      return b.build();
    }
  }
}
