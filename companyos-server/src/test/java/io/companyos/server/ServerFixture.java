package io.companyos.server;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The sample company served with the demo users, and the seed's access table written out by hand. */
final class ServerFixture implements AutoCloseable {
  static final Instant AS_OF = Instant.parse("2026-11-23T09:00:00Z");
  static final CompanyDefinition COMPANY = BuiltinDefinitions.load();

  /** Dashboard id → its name, as the seed's table writes them. */
  static final Map<String, String> DASHBOARDS = Map.of("exec-cockpit", "Exec Cockpit", "cto", "CTO Dashboard",
      "ciso", "CISO Dashboard", "ops-review", "Ops Review", "product-health", "Product Health", "finops", "FinOps");

  /** Dashboard id → a title of a pack (or of its section) delivered to it, which appears only on that dashboard's page. */
  static final Map<String, String> PACK_TITLE = Map.of("exec-cockpit", "Monthly Executive Review",
      "cto", "Carryover to Next Sprint", "ciso", "Weekly Security Standup", "ops-review", "Weekly Ops Review",
      "product-health", "Weekly Product Metrics", "finops", "Monthly FinOps Review");

  /**
   * Demo user → the dashboards they may open, from the seed's table (Exec Cockpit: Leadership; CTO Dashboard: CTO,
   * VP Eng; CISO Dashboard: CISO, Security; Ops Review: Engineering; Product Health: Product, Eng; FinOps: Finance,
   * Eng Leads) and the groups of roles.yaml (the executive team is in leadership; the SRE and security leads are
   * engineering leads; finance is the CFO and the FinOps lead).
   */
  static final Map<String, List<String>> MAY_OPEN = Map.of(
      "ceo", List.of("exec-cockpit"),
      "cto", List.of("exec-cockpit", "cto"),
      "ciso", List.of("exec-cockpit", "ciso"),
      "cfo", List.of("exec-cockpit", "finops"),
      "vp-eng", List.of("exec-cockpit", "cto", "ops-review", "product-health"),
      "sre", List.of("ops-review", "product-health", "finops"),
      "security", List.of("ciso", "ops-review", "product-health", "finops"),
      "finops", List.of("finops"),
      "product", List.of("product-health"));

  /** Demo user → the packs they may read: those delivered to a dashboard they may open, or addressed to them. */
  static final Map<String, List<String>> MAY_READ = Map.of(
      "ceo", List.of("board-pack", "exec-review", "qbr", "quarterly-planning"),
      "sre", List.of("finops-review", "ops-review", "product-metrics", "security-standup"),
      "finops", List.of("finops-review"),
      "product", List.of("product-metrics", "sprint-review"));

  static final List<String> PACKS = List.of("board-pack", "daily-standup", "exec-review", "finops-review", "ops-review",
      "product-metrics", "qbr", "quarterly-planning", "security-standup", "sprint-review");

  final Sources sources;
  final DashboardServer server;

  ServerFixture(Path audit) {
    this(ServerSettings.demo().audit(audit).history(2));
  }

  ServerFixture(ServerSettings settings) {
    sources = SourceRegistry.discover().openDefault(Clock.fixed(AS_OF, ZoneOffset.UTC));
    server = DashboardServer.start(new ServedCompany(COMPANY, sources.all(), () -> AS_OF), settings, "127.0.0.1", 0);
  }

  @Override
  public void close() {
    server.close();
    sources.close();
  }
}
