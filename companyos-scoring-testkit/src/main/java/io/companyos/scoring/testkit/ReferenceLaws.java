package io.companyos.scoring.testkit;

import io.companyos.model.data.Account;
import io.companyos.model.data.Build;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.data.Change;
import io.companyos.model.data.CostRow;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.data.MetricPoint;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.data.PullRequest;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraEvidence;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.finops.ArrMetrics;
import io.companyos.scoring.finops.CommitmentCoverage;
import io.companyos.scoring.finops.CostBreakdown;
import io.companyos.scoring.finops.SavingsOpportunities;
import io.companyos.scoring.incident.IncidentStats;
import io.companyos.scoring.product.Engagement;
import io.companyos.scoring.recommend.CommitmentFigures;
import io.companyos.scoring.security.RemediationSla;
import io.companyos.scoring.slo.MetricPointSlos;
import io.companyos.scoring.slo.ServiceSlos;
import io.companyos.scoring.sprint.QualityMetrics;
import io.companyos.scoring.sprint.SprintMetrics;
import io.companyos.scoring.security.VulnerabilityStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Laws that another implementation of a KPI (on Spark, in a warehouse, in a stream processor) gives the same result as
 * the Java reference of {@code io.companyos.scoring}, on random record sets that hold the cases such implementations get
 * wrong: empty windows, single rows, ties, rows exactly on a window's start and end, days around the DST changes of
 * 2026 (all windows are UTC), incidents resolved before they were created or still open, root causes that name no
 * deployment, changes shipped by several deployments, and rows after the window ("late" rows). Each law takes the other
 * implementation as a function of the generated records; counts, rates, medians and levels must be equal to the bit,
 * evidence ids equal as sets.
 */
public final class ReferenceLaws {
  /** 2026-10-30T00:00Z: the generated records lie around the end of US daylight saving time (2026-11-01). */
  private static final Instant T0 = Instant.parse("2026-10-30T00:00:00Z");

  private ReferenceLaws() {}

  /**
   * Delivery records and the window to compute the DORA keys for.
   *
   * @param deployments deployments, unique ids, in id order
   * @param changes changes, unique ids
   * @param incidents incidents, unique ids, in id order
   * @param window the half-open window
   */
  public record Delivery(List<Deployment> deployments, List<Change> changes, List<Incident> incidents, TimeWindow window) {}

  /**
   * Product events, a window and the window before it.
   *
   * @param events the events
   * @param window the half-open window
   * @param previous the comparison window, just before {@code window} and as long
   */
  public record Product(List<ProductEvent> events, TimeWindow window, TimeWindow previous) {}

  /**
   * FOCUS cost rows, a window, the window before it and what to group by.
   *
   * @param rows the rows
   * @param window the half-open window
   * @param previous the comparison window, just before {@code window} and as long
   * @param tag the tag to group by ({@code (untagged)} without it), or null to group by {@code ServiceName}
   */
  public record Costs(List<CostRow> rows, TimeWindow window, TimeWindow previous, @Nullable String tag) {}

  /**
   * Random FOCUS rows: up to 60 rows of 4 services over 16 days, amounts with 0 to 4 decimals (so the sums' scales
   * differ), some credits (negative), some without the {@code team} tag, some on the window's edges.
   *
   * @return the generator
   */
  public static Generator<Costs> costRows() {
    String[] services = {"compute", "storage", "database", "network"};
    return r -> {
      TimeWindow window = window(r);
      TimeWindow previous = new TimeWindow(window.start().minus(window.length()), window.start());
      List<CostRow> rows = new ArrayList<>();
      for (int i = 0, n = r.nextInt(61); i < n; i++) {
        boolean credit = r.nextInt(8) == 0;
        java.math.BigDecimal cost = java.math.BigDecimal.valueOf((credit ? -1 : 1) * (long) r.nextInt(1_000_000), r.nextInt(5));
        Instant start = time(r, window);
        rows.add(new CostRow(start, start.plus(Duration.ofHours(1)), cost, cost, cost, services[r.nextInt(services.length)],
            "Compute", "AWS", credit ? "Credit" : "Usage", null, null,
            r.nextInt(4) == 0 ? java.util.Map.of() : java.util.Map.of("team", "t" + r.nextInt(3))));
      }
      return new Costs(rows, window, previous, r.nextBoolean() ? null : "team");
    };
  }

  /**
   * The other implementation's cost groups equal {@code CostBreakdown.groups}' over the rows of the window and of the
   * window before: same keys in the same order, costs equal as {@code BigDecimal}s (value and scale), shares equal.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Costs> costGroupsEqualReference(Function<Costs, List<CostBreakdown.Group>> other) {
    return new Law<>("cost groups equal the Java reference's", costRows(), c -> {
      Function<CostRow, String> key = c.tag() == null ? CostRow::serviceName
          : row -> row.tags().getOrDefault(c.tag(), "(untagged)");
      List<CostRow> now = c.rows().stream().filter(row -> c.window().contains(row.chargePeriodStart())).toList();
      List<CostRow> before = c.rows().stream().filter(row -> c.previous().contains(row.chargePeriodStart())).toList();
      return differs(CostBreakdown.groups(now, before, key), other.apply(c));
    });
  }

  /**
   * Random FOCUS rows for the commitment and savings rules: up to 60 rows of 3 services over 16 days, compute and other
   * service categories (and none), Standard, Committed and Dynamic pricing (and none), savings plans, reservations under
   * both names, the Used and Unused parts of commitments, credits, adjustments, purchases and taxes; amounts with 0 to 4
   * decimals and committed rows below their list cost, so sums in {@code double} would depend on the rows' order.
   *
   * @return the generator; {@code tag} is always null
   */
  public static Generator<Costs> focusRows() {
    String[] services = {"ec2", "lambda", "s3"};
    String[] serviceCategories = {"Compute", "Compute", "Compute", "Storage", "Databases", null};
    String[] pricing = {"Standard", "Standard", "Committed", "Committed", "Dynamic", null};
    String[] types = {null, null, CommitmentCoverage.SAVINGS_PLAN, CommitmentCoverage.RESERVATION, "Reserved Instances"};
    String[] statuses = {null, CostRow.USED, CostRow.USED, CostRow.UNUSED};
    String[] charges = {"Usage", "Usage", "Usage", "Usage", "Usage", "Credit", "Adjustment", "Purchase", "Tax"};
    return r -> {
      TimeWindow window = window(r);
      TimeWindow previous = new TimeWindow(window.start().minus(window.length()), window.start());
      List<CostRow> rows = new ArrayList<>();
      for (int i = 0, n = r.nextInt(61); i < n; i++) {
        String charge = charges[r.nextInt(charges.length)];
        String price = pricing[r.nextInt(pricing.length)];
        java.math.BigDecimal list = java.math.BigDecimal.valueOf(1 + r.nextInt(1_000_000), r.nextInt(5));
        java.math.BigDecimal effective = "Committed".equals(price)
            ? list.multiply(java.math.BigDecimal.valueOf(40 + r.nextInt(61), 2)) : list;
        if (charge.equals("Credit") || charge.equals("Adjustment")) {
          list = list.negate();
          effective = effective.negate();
        }
        Instant start = time(r, window);
        rows.add(new CostRow(start, start.plus(Duration.ofHours(1)), effective, effective, list,
            services[r.nextInt(services.length)], serviceCategories[r.nextInt(serviceCategories.length)], "AWS", charge,
            price, types[r.nextInt(types.length)], statuses[r.nextInt(statuses.length)], java.util.Map.of()));
      }
      return new Costs(rows, window, previous, null);
    };
  }

  /**
   * The other implementation's savings-plan coverage, reservation coverage and spot share of the window's rows equal
   * {@code CommitmentCoverage.shares}' to the bit.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Costs> commitmentCoverageEqualsReference(Function<Costs, CommitmentCoverage.Shares> other) {
    return new Law<>("commitment coverage equals the Java reference's", focusRows(), c -> differs(
        CommitmentCoverage.shares(c.rows().stream().filter(row -> c.window().contains(row.chargePeriodStart())).toList()),
        other.apply(c)));
  }

  /**
   * The other implementation's commitment coverage, effective savings rate of the covered usage and utilization per
   * commitment type of the window's rows equal {@code CommitmentFigures.of}' (the figures of the FinOps commitment
   * rules) to the bit: same types, same ratios.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Costs> commitmentFiguresEqualReference(Function<Costs, CommitmentFigures.Figures> other) {
    return new Law<>("the FinOps commitment figures equal the Java reference's", focusRows(), c -> differs(
        CommitmentFigures.of(c.rows(), c.window()), other.apply(c)));
  }

  /**
   * FOCUS rows of some weeks, the history window they are read over, the zone of the calendar days and the first day
   * reported.
   *
   * @param rows the rows
   * @param history the half-open window of the rows judged and of the days before them
   * @param zone the time zone of the calendar days
   * @param from the first day reported
   */
  public record CostHistory(List<CostRow> rows, TimeWindow history, java.time.ZoneId zone, java.time.LocalDate from) {}

  /**
   * Random daily costs of 3 services over 40 days around the 2026 DST change: steady days with noise, spikes, days
   * without rows, several rows a day with amounts of 0 to 4 decimals (so daily sums in {@code double} would depend on
   * the rows' order), credits, rows outside the history; days in UTC, New York or Kolkata.
   *
   * @return the generator
   */
  public static Generator<CostHistory> costHistory() {
    String[] services = {"ec2", "lambda", "s3"};
    java.time.ZoneId[] zones = {java.time.ZoneOffset.UTC, java.time.ZoneId.of("America/New_York"),
        java.time.ZoneId.of("Asia/Kolkata")};
    return r -> {
      Instant start = T0.minus(Duration.ofDays(30)).plus(Duration.ofHours(r.nextInt(24)));
      TimeWindow history = new TimeWindow(start, start.plus(Duration.ofDays(36 + r.nextInt(5))));
      java.time.ZoneId zone = zones[r.nextInt(zones.length)];
      List<CostRow> rows = new ArrayList<>();
      for (String service : services) {
        long base = 10_000 + r.nextInt(90_000);
        for (int day = -1; day < 42; day++) {
          if (r.nextInt(10) == 0) {
            continue; // a day without rows
          }
          boolean spike = r.nextInt(12) == 0;
          for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
            int scale = r.nextInt(5);
            long units = (base + r.nextInt(5_000)) * (spike ? 4 + r.nextInt(4) : 1);
            java.math.BigDecimal cost = java.math.BigDecimal.valueOf(units * (long) Math.pow(10, scale) / 100
                + r.nextInt(10), scale);
            boolean credit = r.nextInt(15) == 0;
            Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(r.nextInt(24 * 60)));
            rows.add(new CostRow(at, at.plus(Duration.ofHours(1)), credit ? cost.negate() : cost,
                credit ? cost.negate() : cost, credit ? cost.negate() : cost, service, "Compute", "AWS",
                credit ? "Credit" : "Usage", null, null, java.util.Map.of()));
          }
        }
      }
      java.time.LocalDate from = history.end().atZone(zone).toLocalDate().minusDays(1 + r.nextInt(14));
      return new CostHistory(rows, history, zone, from);
    };
  }

  /**
   * The other implementation's unusual cost days equal {@code SavingsOpportunities.outliers}' over the history's rows
   * with the detector {@code SavingsOpportunities.OUTLIERS}: same services, days, costs, medians and scores, to the bit.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<CostHistory> costOutliersEqualReference(Function<CostHistory, List<SavingsOpportunities.CostOutlier>> other) {
    return new Law<>("the unusual cost days equal the Java reference's", costHistory(), h -> differs(
        SavingsOpportunities.outliers(h.rows().stream().filter(row -> h.history().contains(row.chargePeriodStart())).toList(),
            h.zone(), h.from(), SavingsOpportunities.OUTLIERS), other.apply(h)));
  }

  /**
   * The committed discount and the on-demand compute candidates of a window.
   *
   * @param committedDiscount {@code SavingsOpportunities.committedDiscount}
   * @param onDemandCompute {@code SavingsOpportunities.onDemandCompute} at {@code ON_DEMAND_SHARE}
   */
  public record Savings(java.util.OptionalDouble committedDiscount,
      List<SavingsOpportunities.OnDemandCompute> onDemandCompute) {}

  /**
   * The other implementation's committed discount and on-demand compute candidates (at
   * {@code SavingsOpportunities.ON_DEMAND_SHARE}) of the window's rows equal the reference's to the bit.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Costs> savingsEqualReference(Function<Costs, Savings> other) {
    return new Law<>("the committed discount and on-demand compute equal the Java reference's", focusRows(), c -> {
      List<CostRow> now = c.rows().stream().filter(row -> c.window().contains(row.chargePeriodStart())).toList();
      return differs(new Savings(SavingsOpportunities.committedDiscount(now),
          SavingsOpportunities.onDemandCompute(now, SavingsOpportunities.ON_DEMAND_SHARE)), other.apply(c));
    });
  }

  /**
   * Incidents and the window to summarize.
   *
   * @param incidents incidents, unique ids, in id order
   * @param window the half-open window
   */
  public record Incidents(List<Incident> incidents, TimeWindow window) {}

  /**
   * Random incidents of two services whose titles repeat with changing numbers and bracketed parts (so fingerprints
   * match), of four severities, some open, some resolved before they were created.
   *
   * @return the generator
   */
  public static Generator<Incidents> incidents() {
    String[][] kinds = {{"api", "api: timeout talking to db-%d"}, {"api", "Timeout talking to DB-%d (eu-west-%d)"},
        {"web", "web: 5%d errors [canary %d]"}, {"web", "Login page slow"}};
    return r -> {
      TimeWindow window = window(r);
      List<Incident> out = new ArrayList<>();
      for (int i = 0, n = r.nextInt(40); i < n; i++) {
        String[] kind = kinds[r.nextInt(kinds.length)];
        Instant created = time(r, window).minus(Duration.ofDays(r.nextInt(3) == 0 ? 30 : 0));
        int shape = r.nextInt(6);
        @Nullable Instant resolved = shape == 0 ? null
            : shape == 1 ? created.minus(Duration.ofMinutes(1 + r.nextInt(300)))
            : created.plus(Duration.ofMinutes(r.nextInt(48 * 60)));
        out.add(new Incident(String.format("i%02d", i), created, resolved, "P" + (1 + r.nextInt(4)), kind[0],
            String.format(kind[1], r.nextInt(9), r.nextInt(9)), null));
      }
      return new Incidents(out, window);
    };
  }

  /**
   * The other implementation's incident summary (P1–P3 listed, P4 not; repeats within 30 days) equals
   * {@code IncidentStats.summarize}'s, repeats compared in id order.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Incidents> incidentSummaryEqualsReference(Function<Incidents, IncidentStats.Summary> other) {
    return new Law<>("the incident summary equals the Java reference's", incidents(), in -> {
      IncidentStats.Summary want = IncidentStats.summarize(in.incidents(), in.window(), List.of("P1", "P2", "P3"),
          Duration.ofDays(30));
      return differs(byId(want), byId(other.apply(in)));
    });
  }

  private static IncidentStats.Summary byId(IncidentStats.Summary s) {
    List<Incident> repeats = new ArrayList<>(s.repeats());
    repeats.sort(java.util.Comparator.comparing(Incident::incidentId));
    return new IncidentStats.Summary(s.window(), s.bySeverity(), s.total(), s.open(), repeats, s.createdAnySeverity());
  }

  /**
   * Vulnerability findings and the window of the table.
   *
   * @param findings findings, unique ids
   * @param window the half-open window
   */
  public record Findings(List<Vulnerability> findings, TimeWindow window) {}

  /**
   * Random findings of five severities in mixed letter case (one the default SLA does not name), detected up to 200 days
   * before the window, some resolved, some exactly on the window's edges.
   *
   * @return the generator
   */
  public static Generator<Findings> findings() {
    String[] severities = {"critical", "High", "medium", "LOW", "unknown"};
    return r -> {
      TimeWindow window = window(r);
      List<Vulnerability> out = new ArrayList<>();
      for (int i = 0, n = r.nextInt(40); i < n; i++) {
        Instant detected = time(r, window).minus(Duration.ofDays(r.nextInt(4) == 0 ? r.nextInt(200) : 0));
        @Nullable Instant resolved = r.nextInt(3) == 0 ? null
            : r.nextInt(6) == 0 ? window.end() : detected.plus(Duration.ofHours(r.nextInt(60 * 24)));
        out.add(new Vulnerability(String.format("v%02d", i), null, severities[r.nextInt(severities.length)], "lib", "finding",
            detected, resolved));
      }
      return new Findings(out, window);
    };
  }

  /**
   * The other implementation's vulnerability table (critical, high, medium, low; the default SLA) equals
   * {@code VulnerabilityStats.table}'s.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Findings> vulnerabilityTableEqualsReference(Function<Findings, List<VulnerabilityStats.Row>> other) {
    return new Law<>("the vulnerability table equals the Java reference's", findings(), f -> differs(
        VulnerabilityStats.table(f.findings(), f.window(), List.of("critical", "high", "medium", "low"),
            RemediationSla.DEFAULT), other.apply(f)));
  }

  /**
   * Random delivery records: up to 24 deployments, 16 changes and 12 incidents over 16 days, on whole hours (so ties
   * are common), some exactly on the window's edges.
   *
   * @return the generator
   */
  public static Generator<Delivery> deliveryRecords() {
    return r -> {
      TimeWindow window = window(r);
      List<Change> changes = new ArrayList<>();
      int changeCount = r.nextInt(17);
      for (int i = 0; i < changeCount; i++) {
        changes.add(new Change(String.format("c%02d", i), time(r, window)));
      }
      List<Deployment> deployments = new ArrayList<>();
      for (int i = 0, n = r.nextInt(25); i < n; i++) {
        List<String> shipped = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
          shipped.add(String.format("c%02d", r.nextInt(changeCount + 2))); // two ids of no change
        }
        deployments.add(new Deployment(String.format("d%02d", i), time(r, window), List.copyOf(new TreeSet<>(shipped)),
            r.nextInt(4) == 0 ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
      }
      List<Incident> incidents = new ArrayList<>();
      for (int i = 0, n = r.nextInt(13); i < n; i++) {
        Instant created = time(r, window);
        int shape = r.nextInt(6);
        @Nullable Instant resolved = shape == 0 ? null
            : shape == 1 ? created.minus(Duration.ofHours(1 + r.nextInt(5))) // resolved before it was created
            : created.plus(Duration.ofMinutes(r.nextInt(72 * 60)));
        @Nullable String cause = r.nextInt(3) == 0 || deployments.isEmpty() ? null
            : r.nextInt(8) == 0 ? "d99" // names no deployment
            : deployments.get(r.nextInt(deployments.size())).deployId();
        incidents.add(new Incident(String.format("i%02d", i), created, resolved, "P" + (1 + r.nextInt(4)), "svc",
            "incident " + i, cause));
      }
      return new Delivery(deployments, changes, incidents, window);
    };
  }

  /**
   * Random product events: up to 80 events of 10 users in 15 sessions over 16 days, some of them sign-ups, some
   * without a feature, some exactly on the window's edges.
   *
   * @return the generator
   */
  public static Generator<Product> productEvents() {
    String[] kinds = {"session_start", "feature_used", "feature_used", "signup"};
    String[] features = {"export", "search", "dashboards"};
    return r -> {
      TimeWindow window = window(r);
      TimeWindow previous = new TimeWindow(window.start().minus(window.length()), window.start());
      List<ProductEvent> events = new ArrayList<>();
      for (int i = 0, n = r.nextInt(81); i < n; i++) {
        String kind = kinds[r.nextInt(kinds.length)];
        String user = "u" + r.nextInt(10);
        events.add(new ProductEvent(time(r, window), user, "acct-" + user, "s" + r.nextInt(15), kind,
            kind.equals("feature_used") ? features[r.nextInt(features.length)] : null));
      }
      return new Product(events, window, previous);
    };
  }

  /**
   * The other implementation's DORA keys equal {@code DoraMetrics.compute}'s for the 2024 benchmark.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Delivery> doraEqualsReference(Function<Delivery, DoraResult> other) {
    return new Law<>("the DORA keys equal the Java reference's", deliveryRecords(), d -> {
      DoraResult want = DoraMetrics.compute(d.changes(), d.deployments(), d.incidents(), d.window(), DoraBenchmark.newest());
      DoraResult got = other.apply(d);
      return differs(normalised(want), normalised(got));
    });
  }

  /**
   * The other implementation's engagement equals {@code Engagement.compute}'s.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Product> engagementEqualsReference(Function<Product, Engagement.Result> other) {
    return new Law<>("product engagement equals the Java reference's", productEvents(),
        p -> differs(Engagement.compute(p.events(), p.window()), other.apply(p)));
  }

  /**
   * Product events, a window and the time zone of its calendar days.
   *
   * @param events the events
   * @param window the half-open window
   * @param zone UTC, New York, Kolkata (a half-hour offset) or Lord Howe (a half-hour DST change)
   */
  public record Daily(List<ProductEvent> events, TimeWindow window, java.time.ZoneId zone) {}

  /**
   * The other implementation's DAU over complete calendar days equals {@code Engagement.meanDailyActive}'s.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Daily> meanDailyActiveEqualsReference(Function<Daily, java.util.OptionalDouble> other) {
    String[] zones = {"UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"};
    Generator<Product> events = productEvents();
    Generator<Daily> g = r -> {
      Product p = events.next(r);
      return new Daily(p.events(), p.window(), java.time.ZoneId.of(zones[r.nextInt(zones.length)]));
    };
    return new Law<>("DAU over complete days equals the Java reference's", g,
        d -> differs(Engagement.meanDailyActive(d.events(), d.window(), d.zone()), other.apply(d)));
  }

  /**
   * The other implementation's churn-risk accounts (a 70% drop) equal {@code ChurnRisk.accountsAtRisk}'s, over events of
   * four accounts shared by the users.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Product> churnRiskEqualsReference(Function<Product, List<String>> other) {
    Generator<Product> events = productEvents();
    Generator<Product> shared = r -> {
      Product p = events.next(r);
      List<ProductEvent> out = new ArrayList<>();
      for (ProductEvent e : p.events()) {
        out.add(new ProductEvent(e.timestamp(), e.userId(), "acct-" + Math.floorMod(e.userId().hashCode(), 4), e.sessionId(),
            e.event(), e.feature()));
      }
      return new Product(out, p.window(), p.previous());
    };
    return new Law<>("churn-risk accounts equal the Java reference's", shared,
        p -> differs(io.companyos.scoring.product.ChurnRisk.accountsAtRisk(p.events(), p.window(), 0.7), other.apply(p)));
  }

  /**
   * The other implementation's feature adoption equals {@code Engagement.featureUse}'s over the events of the window
   * and of the window before.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Product> featureUseEqualsReference(Function<Product, List<Engagement.FeatureUse>> other) {
    return new Law<>("feature adoption equals the Java reference's", productEvents(), p -> {
      List<ProductEvent> now = p.events().stream().filter(e -> p.window().contains(e.timestamp())).toList();
      List<ProductEvent> before = p.events().stream().filter(e -> p.previous().contains(e.timestamp())).toList();
      return differs(Engagement.featureUse(now, before), other.apply(p));
    });
  }

  /**
   * Accounts with their ARR now, ARR movements, a window and the as-of the accounts' ARR describes.
   *
   * @param accounts accounts, unique ids
   * @param movements ARR movements of those accounts and of accounts not listed
   * @param window the half-open window
   * @param asOf the instant of the accounts' ARR, at or after the window's end
   */
  public record Revenue(List<Account> accounts, List<ArrMovement> movements, TimeWindow window, Instant asOf) {}

  /**
   * Random accounts (some at 0 ARR) and movements of the four kinds with amounts of 0 to 2 decimals (so the sums' scales
   * differ): some of accounts not listed, some on the window's edges, some after the as-of, churns of an account's whole
   * ARR (so logos are lost).
   *
   * @return the generator
   */
  public static Generator<Revenue> revenue() {
    String[] kinds = {"new", "expansion", "contraction", "churn"};
    return r -> {
      TimeWindow window = window(r);
      Instant asOf = r.nextBoolean() ? window.end() : window.end().plus(Duration.ofHours(r.nextInt(72)));
      List<Account> accounts = new ArrayList<>();
      for (int i = 0, n = r.nextInt(9); i < n; i++) {
        java.math.BigDecimal arr = java.math.BigDecimal.valueOf(r.nextInt(5) == 0 ? 0 : r.nextInt(100_000), r.nextInt(3));
        accounts.add(new Account("a" + i, "Account " + i, "smb", arr, T0.minus(Duration.ofDays(400))));
      }
      List<ArrMovement> movements = new ArrayList<>();
      for (int i = 0, n = r.nextInt(31); i < n; i++) {
        int account = r.nextInt(10);
        String kind = kinds[r.nextInt(kinds.length)];
        java.math.BigDecimal amount = kind.equals("churn") && account < accounts.size() && r.nextBoolean()
            ? accounts.get(account).arr() : java.math.BigDecimal.valueOf(1 + r.nextInt(50_000), r.nextInt(3));
        movements.add(new ArrMovement(time(r, window), "a" + account, kind, amount));
      }
      return new Revenue(accounts, movements, window, asOf);
    };
  }

  /**
   * The other implementation's ARR figures equal {@code ArrMetrics.compute}'s: sums equal as {@code BigDecimal}s (value
   * and scale), NRR, GRR and logo retention equal to the bit.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Revenue> arrEqualsReference(Function<Revenue, ArrMetrics.Result> other) {
    return new Law<>("ARR and retention equal the Java reference's", revenue(), rv ->
        differs(ArrMetrics.compute(rv.accounts(), rv.movements(), rv.window(), rv.asOf()), other.apply(rv)));
  }

  /**
   * A sprint, the items of it and of the sprint after it, and a cutoff for the points delivered by then.
   *
   * @param sprint the sprint
   * @param items items of {@code sprint} and of another sprint, unique ids
   * @param cutoff the exclusive cutoff of {@code SprintMetrics.deliveredBy}
   */
  public record Sprints(Sprint sprint, List<SprintItem> items, Instant cutoff) {}

  /**
   * Random sprints of 1 to 14 days with up to 40 items of both: points whole and fractional (0.1, 0.2, 0.5, so sums in
   * {@code double} would depend on the items' order), committed or added later, open, completed before, on and after
   * the sprint's end, started or not, completed before they were started, on odd seconds (so whole minutes are
   * truncated), stories, tasks and bugs, some escaped.
   *
   * @return the generator
   */
  public static Generator<Sprints> sprints() {
    double[] points = {0, 0.1, 0.2, 0.5, 1, 2, 3, 5, 8, 13};
    String[] kinds = {"story", "story", "task", "bug"};
    return r -> {
      Instant start = T0.plus(Duration.ofHours(r.nextInt(5 * 24)));
      Sprint sprint = new Sprint("s1", start, start.plus(Duration.ofDays(1 + r.nextInt(14))), List.of("g1"));
      List<SprintItem> items = new ArrayList<>();
      for (int i = 0, n = r.nextInt(41); i < n; i++) {
        Instant added = start.plus(Duration.ofHours(r.nextInt(48)));
        int shape = r.nextInt(8);
        Instant started = shape == 0 ? null : added.plus(Duration.ofSeconds(r.nextInt(3 * 86_400)));
        Instant completed = switch (shape) {
          case 0, 1 -> shape == 0 && r.nextBoolean() ? added.plus(Duration.ofHours(r.nextInt(100))) : null;
          case 2 -> sprint.end();
          case 3 -> sprint.end().plus(Duration.ofHours(1 + r.nextInt(48)));
          case 4 -> started.minus(Duration.ofSeconds(1 + r.nextInt(7_200))); // completed before it was started
          default -> started.plus(Duration.ofSeconds(r.nextInt(5 * 86_400)));
        };
        String kind = kinds[r.nextInt(kinds.length)];
        items.add(new SprintItem(r.nextInt(5) == 0 ? "s2" : "s1", String.format("it-%02d", i), "Item " + i, kind,
            points[r.nextInt(points.length)], r.nextInt(4) != 0, added, started, completed,
            kind.equals("bug") && r.nextBoolean(), r.nextBoolean() ? "g1" : null));
      }
      Instant cutoff = r.nextBoolean() ? sprint.end().plus(Duration.ofDays(1))
          : start.plus(Duration.ofHours(r.nextInt((int) Duration.between(start, sprint.end()).toHours() + 1)));
      return new Sprints(sprint, items, cutoff);
    };
  }

  /**
   * The other implementation's metrics of the sprint equal {@code SprintMetrics.compute}'s: points, counts, mean and
   * percentiles of the cycle time and the escape rate to the bit, the carry-over compared in id order.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Sprints> sprintEqualsReference(Function<Sprints, SprintMetrics.Result> other) {
    return new Law<>("the sprint's metrics equal the Java reference's", sprints(),
        sp -> differs(byId(SprintMetrics.compute(sp.sprint(), sp.items())), byId(other.apply(sp))));
  }

  /**
   * The other implementation's points delivered by the cutoff equal {@code SprintMetrics.deliveredBy}'s to the bit.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Sprints> pointsDeliveredByEqualsReference(Function<Sprints, Double> other) {
    return new Law<>("the points delivered by a cutoff equal the Java reference's", sprints(),
        sp -> differs(SprintMetrics.deliveredBy(sp.sprint(), sp.items(), sp.cutoff()), other.apply(sp)));
  }

  /**
   * The sprints of {@link #sprints()} with three goals — two with items linked at random, one without — so goals come out
   * with no items, not started, partial and achieved.
   *
   * @return the generator
   */
  public static Generator<Sprints> sprintGoals() {
    Generator<Sprints> base = sprints();
    String[] goals = {"g1", "g2", "other", "g1"};
    return r -> {
      Sprints sp = base.next(r);
      Sprint sprint = new Sprint(sp.sprint().sprintId(), sp.sprint().start(), sp.sprint().end(), List.of("g1", "g2", "g3"));
      List<SprintItem> items = new ArrayList<>();
      for (SprintItem i : sp.items()) {
        String goal = r.nextInt(4) == 0 ? null : goals[r.nextInt(goals.length)];
        items.add(new SprintItem(i.sprintId(), i.itemId(), i.title(), i.kind(), i.points(), i.committed(), i.addedAt(),
            i.startedAt(), i.completedAt(), i.escaped(), goal));
      }
      return new Sprints(sprint, items, sp.cutoff());
    };
  }

  /**
   * The other implementation's goals of the sprint equal {@code SprintMetrics.goals}': same goals in the sprint's order,
   * counts and statuses, the items compared in id order.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Sprints> sprintGoalsEqualReference(Function<Sprints, List<SprintMetrics.Goal>> other) {
    return new Law<>("the sprint's goals equal the Java reference's", sprintGoals(),
        sp -> differs(goalsById(SprintMetrics.goals(sp.sprint(), sp.items())), goalsById(other.apply(sp))));
  }

  /**
   * Sprints, their items, an instant and how many earlier sprints the velocity trend is over.
   *
   * @param sprints the sprints, unique ids, in no particular order
   * @param items the items of the sprints (and of a sprint not listed), unique ids
   * @param at the instant the trend is taken at
   * @param n how many earlier sprints at most, at least 1
   */
  public record SprintHistory(List<Sprint> sprints, List<SprintItem> items, Instant at, int n) {}

  /**
   * Random histories of 0 to 6 back-to-back sprints of 1 to 14 days, listed in shuffled order, with up to 40 items with
   * fractional points completed before, on and after their sprint's end (or never), and an instant before the first
   * sprint, on a sprint's start or inside one; sprints without delivered points make a mean of 0.
   *
   * @return the generator
   */
  public static Generator<SprintHistory> sprintHistory() {
    double[] points = {0, 0.1, 0.2, 0.5, 1, 2, 3, 5, 8, 13};
    return r -> {
      List<Sprint> sprints = new ArrayList<>();
      Instant start = T0.minus(Duration.ofDays(30)).plus(Duration.ofHours(r.nextInt(48)));
      for (int i = 0, n = r.nextInt(7); i < n; i++) {
        Instant end = start.plus(Duration.ofDays(1 + r.nextInt(14)));
        sprints.add(new Sprint("s" + i, start, end, List.of()));
        start = end;
      }
      List<SprintItem> items = new ArrayList<>();
      for (int i = 0, n = sprints.isEmpty() ? 0 : r.nextInt(41); i < n; i++) {
        boolean stray = r.nextInt(10) == 0;
        Sprint s = sprints.get(r.nextInt(sprints.size()));
        Instant added = s.start().plus(Duration.ofHours(r.nextInt(24)));
        Instant completed = switch (r.nextInt(5)) {
          case 0 -> null;
          case 1 -> s.end();
          case 2 -> s.end().plus(Duration.ofHours(1 + r.nextInt(48)));
          default -> added.plus(Duration.ofSeconds(r.nextInt((int) Duration.between(added, s.end()).toSeconds())));
        };
        items.add(new SprintItem(stray ? "unlisted" : s.sprintId(), String.format("it-%02d", i), "Item " + i, "story",
            points[r.nextInt(points.length)], true, added, null, completed, false, null));
      }
      Instant at = sprints.isEmpty() || r.nextInt(8) == 0 ? T0.minus(Duration.ofDays(40))
          : r.nextBoolean() ? sprints.get(r.nextInt(sprints.size())).start()
          : start.minus(Duration.ofHours(r.nextInt(24 * 30)));
      java.util.Collections.shuffle(sprints, new java.util.Random(r.nextLong()));
      return new SprintHistory(sprints, items, at, 1 + r.nextInt(4));
    };
  }

  /**
   * The other implementation's velocity trend equals {@code SprintMetrics.velocityChange(sprints, items, at, n)}' to the
   * bit.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<SprintHistory> velocityChangeEqualsReference(Function<SprintHistory, java.util.OptionalDouble> other) {
    return new Law<>("the velocity trend equals the Java reference's", sprintHistory(), h -> differs(
        SprintMetrics.velocityChange(h.sprints(), h.items(), h.at(), h.n()), other.apply(h)));
  }

  /** The goals with their items in id order (their order is not part of the result). */
  private static List<SprintMetrics.Goal> goalsById(List<SprintMetrics.Goal> goals) {
    return goals.stream().map(g -> new SprintMetrics.Goal(g.goal(), sortedCopy(g.itemIds()), g.done(), g.status()))
        .toList();
  }

  /**
   * Builds, pull requests and a window to compute the quality KPIs for.
   *
   * @param builds the builds, unique per pipeline and id
   * @param prs the pull requests, unique per repository and id (two repositories may share an id)
   * @param window the half-open window
   */
  public record Quality(List<Build> builds, List<PullRequest> prs, TimeWindow window) {}

  /**
   * Random builds and pull requests: up to 40 of each, on whole hours, on the window's edges and outside it; pull
   * requests reviewed or not, reviewed on odd seconds (so whole minutes are truncated), some reviewed before their
   * recorded opening, some with the id of the one before it, which is in the other repository.
   *
   * @return the generator
   */
  public static Generator<Quality> quality() {
    String[] pipelines = {"ci/api", "ci/web"};
    String[] repositories = {"acme/api", "acme/web"};
    return r -> {
      TimeWindow window = window(r);
      List<Build> builds = new ArrayList<>();
      for (int i = 0, n = r.nextInt(41); i < n; i++) {
        builds.add(new Build(String.format("b-%02d", i), pipelines[r.nextInt(pipelines.length)], time(r, window),
            r.nextInt(3) != 0));
      }
      List<PullRequest> prs = new ArrayList<>();
      for (int i = 0, n = r.nextInt(41); i < n; i++) {
        Instant opened = time(r, window);
        int shape = r.nextInt(6);
        Instant review = switch (shape) {
          case 0 -> null;
          case 1 -> opened.minus(Duration.ofSeconds(1 + r.nextInt(200))); // before the recorded opening
          case 2 -> opened.plus(Duration.ofMinutes(r.nextInt(3) * 60L)); // whole hours, ties
          default -> opened.plus(Duration.ofSeconds(r.nextInt(3 * 86_400)));
        };
        prs.add(new PullRequest(String.format("pr-%02d", r.nextInt(4) == 0 ? i - 1 : i), "PR " + i, "dev",
            repositories[i % repositories.length], opened, review, null, null));
      }
      return new Quality(builds, prs, window);
    };
  }

  /**
   * The other implementation's build success rate equals {@code QualityMetrics.buildSuccessRate}'s to the bit.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Quality> buildSuccessRateEqualsReference(Function<Quality, java.util.OptionalDouble> other) {
    return new Law<>("the build success rate equals the Java reference's", quality(),
        q -> differs(QualityMetrics.buildSuccessRate(q.builds(), q.window()), other.apply(q)));
  }

  /**
   * The other implementation's review turnaround equals {@code QualityMetrics.reviewTurnaround}'s: the median to the
   * bit, the pull requests counted as the same ids in id order.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<Quality> reviewTurnaroundEqualsReference(Function<Quality, QualityMetrics.ReviewTurnaround> other) {
    return new Law<>("the review turnaround equals the Java reference's", quality(),
        q -> differs(QualityMetrics.reviewTurnaround(q.prs(), q.window()), other.apply(q)));
  }

  private static SprintMetrics.Result byId(SprintMetrics.Result s) {
    List<SprintItem> carry = new ArrayList<>(s.carryover());
    carry.sort(java.util.Comparator.comparing(SprintItem::itemId));
    return new SprintMetrics.Result(s.sprintId(), s.committedPoints(), s.deliveredPoints(), s.deliveredItems(), carry,
        s.cycleDaysMean(), s.cycleDaysP50(), s.cycleDaysP85(), s.bugEscapeRate(), s.bugs(), s.escapedBugIds(),
        s.cycleItems());
  }

  /** A window of 1 to 10 days starting on a whole hour between T0 and T0 + 5 days. */
  private static TimeWindow window(SplittableRandom r) {
    Instant start = T0.plus(Duration.ofHours(r.nextInt(5 * 24)));
    return new TimeWindow(start, start.plus(Duration.ofHours(24 + r.nextInt(9 * 24 + 1))));
  }

  /** A whole hour in [T0 − 2 d, T0 + 14 d), or one of the window's two edges. */
  private static Instant time(SplittableRandom r, TimeWindow window) {
    int pick = r.nextInt(10);
    if (pick == 0) {
      return window.start();
    }
    if (pick == 1) {
      return window.end();
    }
    return T0.minus(Duration.ofDays(2)).plus(Duration.ofHours(r.nextInt(16 * 24)));
  }

  /** The result with its evidence lists in id order (their order is not part of the result). */
  private static DoraResult normalised(DoraResult r) {
    DoraEvidence e = r.evidence();
    DoraEvidence sorted = new DoraEvidence(sortedCopy(e.deployments()), e.failedDeployments(), sortedCopy(e.changesDeployed()),
        sortedCopy(e.incidentsResolved()), sortedCopy(e.changeFailuresResolved()), sortedCopy(e.reworkDeployments()),
        sortedCopy(e.incidentsResolvedBeforeCreated()));
    return new DoraResult(r.window(), r.deployments(), r.deploysPerDay(), r.deployDaysPerWeek(), r.deploymentFrequencyLevel(),
        r.changesDeployed(), r.leadTimeHoursMedian(), r.leadTimeLevel(), r.failedDeployments(), r.changeFailureRate(),
        r.changeFailureLevel(), r.incidentsResolved(), r.timeToRestoreHoursMedian(), r.timeToRestoreLevel(), r.overall(),
        r.changeFailuresResolved(), r.failedDeploymentRecoveryHoursMedian(), r.failedDeploymentRecoveryLevel(),
        r.reworkDeployments(), r.reworkRate(), r.benchmark(), sorted);
  }

  /**
   * Metric points and the window to compute each service's SLO over.
   *
   * @param points points of the SLO counters, the target and another metric, in no particular order
   * @param window the half-open window
   */
  public record SloPoints(List<MetricPoint> points, TimeWindow window) {}

  /**
   * Random points of up to four services over windows of 1 hour to 10 days: request and error counters whole and
   * fractional (in a quarter of the sets one service's counters are all 0.2, 0.6 or 0.7, whose sums in {@code double}
   * depend on the order and round to other whole events: 0.6 + 0.7 + 0.2) on the window's start, on
   * its end, a second before each and inside it; targets in and out of (0, 1) on the look-back's start
   * ({@code end - 35 days}), a second before it, inside it and on the window's end; a service with two series (labels
   * {@code env=prod} and {@code env=canary}), series without a {@code service} label, services without a target or
   * without requests, several points of one series at one instant, and points of another metric. All instants are UTC.
   *
   * @return the generator
   */
  public static Generator<SloPoints> sloPoints() {
    String[] services = {"api", "web", "batch", "search"};
    double[] counts = {0, 0.1, 0.2, 0.3, 0.5, 1, 2, 2.5, 7, 100, 1000};
    double[] tenths = {0.2, 0.6, 0.7}; // 0.6 + 0.7 + 0.2 = 1.5, but 1.4999999999999998 in double
    double[] targets = {0.9, 0.95, 0.99, 0.995, 0.999, 1, 0, 0.5};
    String[] metrics = {MetricNames.SLO_REQUESTS, MetricNames.SLO_REQUESTS, MetricNames.SLO_ERRORS, MetricNames.SLO_ERRORS,
        MetricNames.SLO_TARGET, "companyos:latency:p95:ms"};
    return r -> {
      Instant start = T0.plus(Duration.ofHours(r.nextInt(5 * 24)));
      TimeWindow window = new TimeWindow(start, start.plus(Duration.ofHours(1 + r.nextInt(10 * 24))));
      Instant lookback = window.end().minus(Duration.ofDays(35));
      List<MetricPoint> points = new ArrayList<>();
      boolean fractional = r.nextInt(4) == 0;
      for (int i = 0, n = r.nextInt(41); i < n; i++) {
        String metric = metrics[r.nextInt(metrics.length)];
        boolean target = metric.equals(MetricNames.SLO_TARGET);
        Instant t = switch (r.nextInt(target ? 6 : 5)) {
          case 0 -> target ? lookback : window.start();
          case 1 -> window.end();
          case 2 -> (target ? lookback : window.start()).minusSeconds(1);
          case 3 -> window.end().minusSeconds(1);
          case 4 -> target ? lookback.plusSeconds(r.nextInt(35 * 86_400))
              : window.start().plusSeconds(r.nextInt((int) window.length().toSeconds()));
          default -> window.start().plusSeconds(r.nextInt((int) window.length().toSeconds()));
        };
        String service = fractional ? "api" : services[r.nextInt(services.length)];
        java.util.Map<String, String> labels = switch (r.nextInt(6)) {
          case 0 -> java.util.Map.of("service", service, "env", "prod");
          case 1 -> java.util.Map.of("service", service, "env", "canary");
          case 2 -> java.util.Map.of("env", "prod");
          default -> java.util.Map.of("service", service);
        };
        double value = target ? targets[r.nextInt(targets.length)]
            : fractional ? tenths[r.nextInt(tenths.length)] : counts[r.nextInt(counts.length)];
        points.add(new MetricPoint(t, metric, labels, value));
        if (r.nextInt(8) == 0) {
          // Another point of the same series at the same instant.
          points.add(new MetricPoint(t, metric, labels, target ? targets[r.nextInt(targets.length)]
              : counts[r.nextInt(counts.length)]));
        }
      }
      java.util.Collections.shuffle(points, new java.util.Random(r.nextLong()));
      return new SloPoints(points, window);
    };
  }

  /**
   * The other implementation's SLOs equal {@code MetricPointSlos.of}'s: the same services with the same counts, target,
   * attainment and error budget to the bit, and the same services without a target.
   *
   * @param other the implementation under test
   * @return the law
   */
  public static Law<SloPoints> sloAttainmentEqualsReference(Function<SloPoints, ServiceSlos.Result> other) {
    return new Law<>("the SLO attainment per service equals the Java reference's", sloPoints(),
        s -> differs(MetricPointSlos.of(s.points(), s.window()), other.apply(s)));
  }

  private static List<String> sortedCopy(List<String> ids) {
    List<String> out = new ArrayList<>(ids);
    out.sort(null);
    return out;
  }

  private static Optional<String> differs(Object want, Object got) {
    return Objects.equals(want, got) ? Optional.empty() : Optional.of("reference " + want + " but got " + got);
  }
}
