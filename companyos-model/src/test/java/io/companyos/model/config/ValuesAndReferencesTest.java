package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values and references that only make sense against a fixed list or another file: section
 * severities, dashboard urls and role ids. Each problem points at the offending item itself
 * (line:column counted by hand in the fixture above it), not at the list that holds it.
 */
class ValuesAndReferencesTest {
  private final DefinitionLoader loader = new DefinitionLoader();

  @TempDir
  Path dir;

  private void write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
  }

  /** The CLI's one-line form of every problem, with file names relative to the company folder. */
  private List<String> problems() {
    return loader.validate(List.of(dir)).stream()
        .map(p -> p.oneLine().replace(dir.toString() + java.io.File.separator, "").replace('\\', '/'))
        .toList();
  }

  /** {@link #problems()} in the company's own files only. */
  private List<String> ownProblems() {
    return problems().stream().filter(p -> !p.startsWith("classpath:")).toList();
  }

  @Test
  void severitiesOfIncidentAndVulnerabilitySectionsMustBeKnownOnes() throws IOException {
    write("meeting-packs/weekly.yaml", """
        name: "Weekly"
        schedule: "0 8 * * 1"
        sections:
          - type: incident_summary
            severity: [P1, P9, banana, p2]
          - type: vulnerability_summary
            severity: [critical, hihg]
          - type: platform_metrics
            severity:
              - P1
              - P5
        """);
    // Line 5: '[' is column 15, P9 column 20, banana 24, p2 32. Line 7: hihg column 26. Line 11: P5 column 9.
    // P9 and P5 are one edit from each of P1..P4, so the hint lists them rather than pick one.
    assertThat(problems()).containsExactly(
        "meeting-packs/weekly.yaml:5:20: COS-YAML-006 'P9' is not a valid severity (expected one of: P1, P2, P3, P4)",
        "meeting-packs/weekly.yaml:5:24: COS-YAML-006 'banana' is not a valid severity (expected one of: P1, P2, P3, P4)",
        "meeting-packs/weekly.yaml:5:32: COS-YAML-006 'p2' is not a valid severity (did you mean 'P2'?)",
        "meeting-packs/weekly.yaml:7:26: COS-YAML-006 'hihg' is not a valid severity (did you mean 'high'?)",
        "meeting-packs/weekly.yaml:11:9: COS-YAML-006 'P5' is not a valid severity (expected one of: P1, P2, P3, P4)");
  }

  @Test
  void everyIncidentSeverityFromP1ToP4IsAccepted() throws IOException {
    write("meeting-packs/weekly.yaml", """
        name: "Weekly"
        schedule: "0 8 * * 1"
        sections:
          - type: incident_summary
            severity: [P1, P2, P3, P4]
          - type: platform_metrics
            severity: P3
        """);
    assertThat(problems()).isEmpty();
  }

  @Test
  void aDashboardDeliveryMustNameTheUrlOfADashboard() throws IOException {
    write("meeting-packs/weekly.yaml", """
        name: "Weekly"
        schedule: "0 8 * * 1"
        sections:
          - type: dora_metrics
        delivery:
          - channel: dashboard
            url: "/dashboards/ops-reveiw"
          - channel: dashboard
            url: "/dashboards/cockpit"
          - channel: dashboard
            url: "/dashboards/ops-review/"
        """);
    // The url values start at column 10 (the opening quote). A trailing slash names the same dashboard.
    assertThat(problems()).containsExactly(
        "meeting-packs/weekly.yaml:7:10: COS-YAML-028 no dashboard has the url '/dashboards/ops-reveiw' "
            + "(dashboard delivery) (did you mean '/dashboards/ops-review'?)",
        "meeting-packs/weekly.yaml:9:10: COS-YAML-028 no dashboard has the url '/dashboards/cockpit' "
            + "(dashboard delivery) (did you mean '/dashboards/exec-cockpit'?)");
  }

  @Test
  void theEscalationNamesARaciActivityAndChecksNameKnownSeverities() throws IOException {
    write("health-checks.yaml", """
        health_checks:
          - name: "Burn"
            query: "m"
            threshold: "> 6"
            action: "page_oncall"
            severity: P5
        escalation:
          after: 2
          activity: "Daily Healthcheck"
        """);
    // "P5" starts at column 15 of line 6; the activity's opening quote at column 13 of line 9.
    assertThat(problems()).containsExactly(
        "health-checks.yaml:6:15: COS-YAML-006 'P5' is not a valid severity (expected one of: P1, P2, P3, P4)",
        "health-checks.yaml:9:13: COS-YAML-029 no RACI activity 'Daily Healthcheck' (the escalation's 'activity') "
            + "(did you mean 'Daily Health Check'?)");
  }

  @Test
  void aValidEscalationAndSeverityLoad() throws IOException {
    write("health-checks.yaml", """
        health_checks:
          - name: "Incidents"
            query: "pagerduty_incidents_active_total"
            threshold: "> 0"
            action: "update_status_page"
            severity: P2
        escalation: {after: 2, action: webhook, activity: "Weekly Security"}
        """);
    var checks = loader.load(List.of(dir)).healthChecks();
    assertThat(checks.checks().get(0).severity()).isEqualTo("P2");
    assertThat(checks.escalation()).isEqualTo(new io.companyos.model.check.EscalationPolicy(2, "webhook", "Weekly Security"));
  }

  @Test
  void dashboardUrlsAreCheckedAgainstTheCompanysOwnDashboards() throws IOException {
    write("dashboards.yaml", """
        dashboards:
          - id: team
            name: "Team"
            url: "/dashboards/team"
            access: [engineering]
        """);
    // The built-in packs deliver to the built-in dashboards, which this company's file replaces:
    // ops-review.yaml line 35 is its dashboard url.
    assertThat(problems()).contains(
        "classpath:companyos/meeting-packs/ops-review.yaml:35:10: COS-YAML-028 no dashboard has the url "
            + "'/dashboards/ops-review' (dashboard delivery) (add a dashboard with this url to dashboards.yaml, "
            + "or use one of: /dashboards/team)");
  }

  @Test
  void everyRoleReferenceIsCheckedWhereverItIsAndLocatedAtTheRoleItself() throws IOException {
    write("rhythm.yaml", """
        meetings:
          - id: ops-review
            name: "Ops Review"
            cadence: weekly
            purpose: "Review."
            frequency: {rule: weekly, day: monday}
            time: "10:00"
            owner: sre_leed
            participants: [sre_team, wizard]
            artifact: "Ops Review Dashboard"
        """);
    write("raci.yaml", """
        raci:
          roles: [ceo, cto, vp_engineer]
          activities:
            - activity: "Weekly Ops Review"
              meeting: ops-review
              assignments: {ceo: I, cto: A, vp_engineer: R}
        """);
    write("dashboards.yaml", """
        dashboards:
          - id: ops-review
            name: ""
            url: "/dashboards/ops-review"
            access:
              - engineering
              - sre_crew
        """);
    write("meeting-packs/ops-review.yaml", """
        name: "Ops"
        meeting: ops-review
        recipients:
          - role: sre_team
          - role: auditors
        sections:
          - type: incident_summary
            visible_to: [cto, cfoo]
        delivery:
          - channel: dashboard
            url: "/dashboards/ops-review"
        """);
    // A dashboard whose name is blank still has its access roles checked. (The built-in packs name
    // meetings this rhythm does not have; those problems are in the built-in files and left out here.)
    assertThat(ownProblems()).containsExactly(
        "dashboards.yaml:3:11: COS-YAML-020 'name' must not be blank (write a non-empty value)",
        "dashboards.yaml:7:9: COS-YAML-012 unknown role 'sre_crew' in 'access' of dashboard 'ops-review' "
            + "(define it in roles.yaml)",
        "meeting-packs/ops-review.yaml:5:11: COS-YAML-012 unknown role 'auditors' in recipient (define it in roles.yaml)",
        "meeting-packs/ops-review.yaml:8:23: COS-YAML-012 unknown role 'cfoo' in 'visible_to' (did you mean 'cfo'?)",
        "raci.yaml:2:21: COS-YAML-012 unknown role 'vp_engineer' in the RACI 'roles' (did you mean 'vp_engineering'?)",
        "rhythm.yaml:8:12: COS-YAML-012 unknown role 'sre_leed' in 'owner' (did you mean 'sre_lead'?)",
        "rhythm.yaml:9:30: COS-YAML-012 unknown role 'wizard' in 'participants' (define it in roles.yaml)");
  }

  @Test
  void aGroupThatIncludesAnUndefinedRoleIsLocatedAtThatRole() throws IOException {
    write("roles.yaml", """
        roles:
          - id: ceo
            name: "CEO"
          - id: board
            name: "Board"
            includes: [ceo, chief_wizard]
        """);
    // Line 6: '[' is column 15, ceo 16, chief_wizard 21. (The built-in files name roles this company
    // does not define; those problems are in the built-in files.)
    assertThat(ownProblems()).containsExactly(
        "roles.yaml:6:21: COS-YAML-012 unknown role 'chief_wizard' in 'includes' of role 'board' "
            + "(define it in roles.yaml)");
  }
}
