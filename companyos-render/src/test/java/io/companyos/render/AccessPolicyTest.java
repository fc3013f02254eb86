package io.companyos.render;

import io.companyos.render.testing.RestrictedDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Role;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Access levels: what a reader may see, and that nothing restricted gets through in any format. */
class AccessPolicyTest {
  static final CompanyDefinition COMPANY = BuiltinDefinitions.load();
  static final AccessPolicy POLICY = AccessPolicy.of(COMPANY);

  @Test
  void groupsGrantAccessToTheirMembersTransitively() {
    PackDocument doc = RestrictedDocuments.withSections(List.of(List.of("engineering"), List.of("finance")));
    // roles.yaml: engineering includes sre_team, which includes sre_lead; finance includes cfo and finops_lead.
    assertThat(POLICY.maySee(doc.sections().get(0), Set.of("sre_lead"))).isTrue();
    assertThat(POLICY.maySee(doc.sections().get(1), Set.of("sre_lead"))).isFalse();
    assertThat(POLICY.maySee(doc.sections().get(1), Set.of("sre_lead", "cfo"))).isTrue();
    // Holding a group id means membership of that group only: "leadership" is not "cfo".
    assertThat(POLICY.maySee(doc.sections().get(1), Set.of("leadership"))).isFalse();
  }

  @Test
  void unrestrictedSectionsAreVisibleToAnyoneAndAnUnrestrictedReadingIsTheSameDocument() {
    PackDocument doc = RestrictedDocuments.withSections(List.of(List.of(), List.of()));
    assertThat(POLICY.redact(doc, Set.of())).isSameAs(doc);
    PackDocument restricted = RestrictedDocuments.withSections(List.of(List.of("ceo"), List.of()));
    assertThat(POLICY.redact(restricted, Set.of("ceo"))).isSameAs(restricted);
  }

  @Test
  void aRestrictedSectionBecomesANoticeNamingWhoMaySeeIt() {
    PackDocument doc = RestrictedDocuments.withSections(List.of(List.of(), List.of("ciso", "security_team")));
    PackDocument seen = POLICY.redact(doc, Set.of("vp_product"));
    PackSection hidden = seen.sections().get(1);
    assertThat(hidden.available()).isFalse();
    assertThat(hidden.unavailableReason()).isEqualTo("restricted: visible to CISO, Security Team");
    assertThat(hidden.values()).isEmpty();
    assertThat(seen.availabilityLine()).isEqualTo("1 of 2 sections available");
    assertThat(seen.movers()).allMatch(m -> !m.label().contains(RestrictedDocuments.marker(1)));
    assertThat(seen.summary().lines()).noneMatch(l -> l.contains(RestrictedDocuments.marker(1)));
  }

  @Test
  void theSummaryIsDerivedAgainWhenItsSourceIsHidden() {
    // Section 0 is the "risks" list: the summary quotes its first item until the reader may not see it.
    PackDocument doc = RestrictedDocuments.withSections(List.of(List.of("ceo"), List.of()));
    assertThat(doc.summary().biggestRisk()).isEqualTo("Biggest risk: SECRET0X item.");
    PackDocument seen = POLICY.redact(doc, Set.of("cto"));
    assertThat(seen.summary().biggestRisk()).doesNotContain("SECRET0X").contains("SECRET1X");
  }

  @Test
  void oneCopyForAnAudienceShowsOnlyWhatEveryMemberMaySee() {
    PackDocument doc = RestrictedDocuments.withSections(List.of(List.of("engineering"), List.of("sre_lead")));
    // sre_team (sre_lead + sre_oncall) is inside engineering, but not every member of it is sre_lead.
    PackDocument copy = POLICY.redactForAudience(doc, List.of("sre_team"));
    assertThat(copy.sections().get(0).available()).isTrue();
    assertThat(copy.sections().get(1).available()).isFalse();
    assertThat(POLICY.redactForAudience(doc, List.of()).sections().get(0).available()).isFalse();
  }

  @Test
  void dashboardsOpenToTheRolesTheyList() {
    var ciso = COMPANY.dashboard("ciso").orElseThrow();
    // dashboards.yaml: ciso -> [ciso, security_team]; security_team includes security_lead.
    assertThat(POLICY.mayOpen(ciso, Set.of("security_lead"))).isTrue();
    assertThat(POLICY.mayOpen(ciso, Set.of("cfo"))).isFalse();
    var exec = COMPANY.dashboard("exec-cockpit").orElseThrow();
    assertThat(POLICY.mayOpen(exec, Set.of("vp_product"))).isTrue();
    assertThat(POLICY.mayOpen(exec, Set.of("sre_lead"))).isFalse();
  }

  /** Random role sets on sections and readers: a hidden section leaves no trace, a visible one shows. */
  @Test
  void noRestrictedValueAppearsInAnyFormat() {
    List<String> roleIds = COMPANY.roles().roles().stream().map(Role::id).toList();
    Gen<List<String>> roleSet = lists().of(integers().between(0, roleIds.size() - 1)).ofSizeBetween(0, 3)
        .map(ix -> ix.stream().map(roleIds::get).distinct().toList());
    Gen<List<List<String>>> sections = lists().of(roleSet).ofSizeBetween(1, 5);
    List<PackExporter> exporters = PackExporters.discover().formats().stream()
        .map(f -> PackExporters.discover().find(f).orElseThrow()).toList();
    qt().withExamples(150).forAll(sections, roleSet).checkAssert((visibleTo, reader) -> {
      PackDocument doc = RestrictedDocuments.withSections(visibleTo);
      PackDocument seen = POLICY.redact(doc, reader);
      for (PackExporter e : exporters) {
        String out = text(e, seen);
        for (int i = 0; i < visibleTo.size(); i++) {
          List<String> allowedRoles = visibleTo.get(i);
          boolean allowed = allowedRoles.isEmpty()
              || reader.stream().anyMatch(r -> COMPANY.roles().allows(allowedRoles, r));
          String what = e.format() + " section " + i + " visible_to " + visibleTo.get(i) + " reader " + reader;
          if (allowed) {
            assertThat(out).as(what).contains(RestrictedDocuments.marker(i));
          } else {
            assertThat(out).as(what).doesNotContain(RestrictedDocuments.marker(i))
                .doesNotContain(Long.toString(RestrictedDocuments.number(i)));
          }
        }
      }
    });
  }

  private static String text(PackExporter e, PackDocument doc) {
    try {
      return new String(e.exportToBytes(doc), StandardCharsets.UTF_8);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }

}
