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

    @Override
    public PackSection assemble(SectionContext ctx) {
      Dataset<ProductEvent> cur = ctx.records(RecordKind.PRODUCT_EVENTS, ctx.window());
      Dataset<ProductEvent> prev = ctx.records(RecordKind.PRODUCT_EVENTS, ctx.previousWindow());
      List<List<MetricValue>> rows = new ArrayList<>();
      for (String m : ctx.strings("metrics", List.of("dau", "wau", "sessions_per_user"))) {
        double c;
        double p;
        String label;
        Unit unit = Unit.COUNT;
        switch (m) {
          case "dau" -> { label = "DAU"; c = dau(cur.rows(), ctx.window(), ctx.zone()); p = dau(prev.rows(), ctx.previousWindow(), ctx.zone()); }
          case "wau" -> { label = "WAU"; c = HealthDimensions.activeUsers(ctx, cur); p = HealthDimensions.activeUsers(ctx, prev); }
          default -> { label = "Sessions/User"; c = sessionsPerUser(cur.rows()); p = sessionsPerUser(prev.rows()); unit = Unit.NUMBER; }
        }
        MetricValue now = MetricValue.of(c, unit, cur.provenance()).comparedWith(prev.rows().isEmpty() ? null : p, Direction.HIGHER_IS_BETTER);
        if (m.equals("dau")) {
          now = now.withHistory(dailyActive(cur.rows(), ctx)).asKpi("dau");
        }
        MetricValue before = prev.rows().isEmpty() ? MetricValue.absent("no events in the previous window", unit)
            : MetricValue.of(p, unit, prev.provenance());
        String trend = now.deltaAbsolute() == null ? "n/a (no previous value)"
            : now.trendArrow() + (now.good() == null ? "" : now.good() ? " better" : " worse");
        rows.add(List.of(MetricValue.label(label), now, before, MetricValue.text(now.deltaText(), cur.provenance()),
            MetricValue.text(trend, cur.provenance())));
      }
      return ctx.builder().table(new SectionTable("", ENGAGEMENT_COLUMNS, rows, "")).build();
    }
  }

  /** Users of each feature and their share of active users, against the previous window. */
  static final class FeatureAdoption extends FixedSection {
    FeatureAdoption() {
      super("feature_adoption", List.of(), List.of(ADOPTION_COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Dataset<ProductEvent> cur = ctx.records(RecordKind.PRODUCT_EVENTS, ctx.window());
      Dataset<ProductEvent> prev = ctx.records(RecordKind.PRODUCT_EVENTS, ctx.previousWindow());
      List<String> wanted = ctx.strings("features", List.of("all"));
      List<List<MetricValue>> rows = new ArrayList<>();
      Engagement.featureUse(cur.rows(), prev.rows()).stream().filter(f -> wanted.contains("all") || wanted.contains(f.feature()))
          .limit(ctx.integer("limit", 10)).forEach(f -> {
            Double prevShare = f.previousAdoptionPercent().isPresent() ? f.previousAdoptionPercent().getAsDouble() : null;
            MetricValue adoption = MetricValue.of(f.adoptionPercent(), Unit.PERCENT, cur.provenance()).comparedWith(prevShare, Direction.HIGHER_IS_BETTER);
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

    @Override
    public PackSection assemble(SectionContext ctx) {
      Instant at = ctx.asOf();
      Dataset<ProductEvent> cur = ctx.records(RecordKind.PRODUCT_EVENTS, ctx.window());
      Dataset<ProductEvent> prev = ctx.records(RecordKind.PRODUCT_EVENTS, ctx.previousWindow());
      long signups = Engagement.signups(cur.rows());
      long signupsBefore = Engagement.signups(prev.rows());
      SectionBuilder b = ctx.builder();
      b.field("signups", "New Signups", MetricValue.of(signups, Unit.COUNT, cur.provenance())
          .comparedWith((double) signupsBefore, Direction.HIGHER_IS_BETTER).asKpi("signups"));
      b.field("churn_risk_count", "Churn Risk Accounts", churnRisk(ctx, at));
      Dataset<SupportTicket> t = ctx.records(RecordKind.SUPPORT_TICKETS, Rows.history(at));
      List<String> open = CustomerSignals.openTickets(t.rows(), at).stream().map(SupportTicket::ticketId).toList();
      b.field("support_tickets", "Open Support Tickets", MetricValue.of(open.size(), Unit.COUNT, SectionContext.derived(t.provenance(),
          "tickets opened by and not closed at the as-of", open.size())).withEvidence(open).asKpi("open_support_tickets"));
      Duration window = ctx.duration("nps_window", Duration.ofDays(30));
      TimeWindow npsWindow = TimeWindow.ending(at, window);
      Dataset<NpsResponse> nps = ctx.records(RecordKind.NPS_RESPONSES, npsWindow);
      OptionalDouble score = NetPromoterScore.of(nps.rows(), npsWindow);
      b.field("nps", "NPS (rolling 30d)", (score.isPresent()
          ? MetricValue.of(score.getAsDouble(), Unit.NUMBER, String.format(java.util.Locale.ROOT, "%+.0f (%d responses)",
              score.getAsDouble(), nps.rows().size()), nps.provenance())
          : MetricValue.absent("no NPS responses in the window", Unit.NUMBER)).asKpi("nps"));
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
