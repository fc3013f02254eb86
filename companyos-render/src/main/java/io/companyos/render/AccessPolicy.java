package io.companyos.render;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Dashboard;
import io.companyos.model.org.Role;
import io.companyos.model.org.Roles;
import io.companyos.render.internal.ExecutiveSummaries;
import io.companyos.render.internal.WhatChanged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Who may see what: sections declare {@code visible_to} roles in the pack YAML and dashboards declare
 * {@code access} roles. {@link #redact} gives the copy of a pack a reader may see: every section the
 * reader may not see is replaced by a notice naming the roles that may, and the "What changed" movers,
 * the executive summary and the provenance footnotes are derived again from the visible sections only,
 * so a restricted number cannot leak through them. Every renderer, exporter and delivery channel works
 * on the redacted document, so nothing downstream needs to know about access levels.
 *
 * <p>Roles are matched with the model's groups: a section visible to {@code engineering} is visible to
 * a reader holding {@code sre_lead} when {@code engineering} includes it, directly or through other
 * groups. A reader is identified by the roles they hold themselves; holding a group id means being a
 * member of that group, not of every role the group includes.
 */
public final class AccessPolicy {
  /** Prefix of the reason shown in place of a section the reader may not see. */
  public static final String RESTRICTED_PREFIX = "restricted: visible to ";

  private final Roles roles;

  /**
   * A policy over the company's role model.
   *
   * @param roles the roles and groups, which decide who a {@code visible_to} or {@code access} list includes
   */
  public AccessPolicy(Roles roles) {
    this.roles = Objects.requireNonNull(roles, "roles");
  }

  /**
   * The policy of {@code company}.
   *
   * @param company the company
   * @return a policy over its roles
   */
  public static AccessPolicy of(CompanyDefinition company) {
    return new AccessPolicy(company.roles());
  }

  /**
   * Whether a reader holding {@code readerRoles} may see {@code section}.
   *
   * @param section the section
   * @param readerRoles the role or group ids the reader holds
   * @return true when the section is unrestricted or its {@code visible_to} covers one of the reader's roles
   *     (directly or through a group)
   */
  public boolean maySee(PackSection section, Collection<String> readerRoles) {
    return !section.restricted() || readerRoles.stream().anyMatch(r -> roles.allows(section.visibleTo(), r));
  }

  /**
   * Whether a reader holding {@code readerRoles} may open {@code dashboard}.
   *
   * @param dashboard the dashboard
   * @param readerRoles the role or group ids the reader holds
   * @return true when the dashboard's {@code access} covers one of the reader's roles (directly or through a group)
   */
  public boolean mayOpen(Dashboard dashboard, Collection<String> readerRoles) {
    return readerRoles.stream().anyMatch(r -> roles.allows(dashboard.access(), r));
  }

  /**
   * Whether every member of an audience may see {@code section}: the rule for one copy sent to many
   * people at once (a Slack channel, an email to all recipients of a pack).
   *
   * @param section the section
   * @param audienceRoles the role or group ids of the audience's members
   * @return true when the section is unrestricted, or the audience is not empty and the section's {@code visible_to}
   *     covers every one of its roles
   */
  public boolean audienceMaySee(PackSection section, Collection<String> audienceRoles) {
    return !section.restricted()
        || (!audienceRoles.isEmpty() && audienceRoles.stream().allMatch(r -> roles.allows(section.visibleTo(), r)));
  }

  /**
   * The copy of {@code doc} a reader holding {@code readerRoles} may see.
   *
   * @param doc the pack
   * @param readerRoles the role or group ids the reader holds
   * @return {@code doc} itself when it hides nothing from the reader, else a copy with the hidden sections replaced
   *     by notices, restricted values redacted, and the movers and the summary derived from what is left
   */
  public PackDocument redact(PackDocument doc, Collection<String> readerRoles) {
    Set<String> reader = Set.copyOf(readerRoles);
    return redact(doc, s -> maySee(s, reader), who -> reader.stream().anyMatch(r -> roles.allows(who, r)));
  }

  /**
   * The one copy of {@code doc} that every member of the audience may see (see {@link #audienceMaySee}).
   *
   * @param doc the pack
   * @param audienceRoles the role or group ids of the audience's members
   * @return {@code doc} itself when it hides nothing from the audience, else a redacted copy as in {@link #redact}
   */
  public PackDocument redactForAudience(PackDocument doc, Collection<String> audienceRoles) {
    List<String> audience = List.copyOf(audienceRoles);
    return redact(doc, s -> audienceMaySee(s, audience),
        who -> !audience.isEmpty() && audience.stream().allMatch(r -> roles.allows(who, r)));
  }

  /**
   * Hides the sections the reader may not see, and within the sections they may see, rewrites every value that
   * quotes a restricted fact ({@link MetricValue.Restriction}) they may not read: the same policy wherever the fact
   * appears (a CVE in the exec review's risks is hidden like the security standup's CVE section). The summary is
   * then rebuilt from what is left, so it cannot quote a hidden fact either.
   */
  private PackDocument redact(PackDocument doc, Predicate<PackSection> visible, Predicate<List<String>> mayRead) {
    boolean hidesSomething = doc.sections().stream().anyMatch(s -> !visible.test(s) || hidesValues(s, mayRead))
        || doc.supporting().stream().anyMatch(s -> !visible.test(s) || hidesValues(s, mayRead));
    if (!hidesSomething) {
      return doc;
    }
    List<PackSection> shown = doc.sections().stream().map(s -> visible.test(s) ? values(s, mayRead) : notice(s)).toList();
    List<PackSection> supporting = doc.supporting().stream().map(s -> visible.test(s) ? values(s, mayRead) : notice(s)).toList();
    List<PackSection> all = new ArrayList<>(shown);
    all.addAll(supporting);
    return new PackDocument(doc.packId(), doc.title(), doc.meeting(), doc.asOf(), doc.zone(), doc.period(),
        doc.previousPeriod(), shown, WhatChanged.biggestMovers(shown, WhatChanged.SHOWN),
        doc.summary() == null ? null : ExecutiveSummaries.of(all, doc.zone()), supporting);
  }

  private static boolean hidesValues(PackSection s, Predicate<List<String>> mayRead) {
    return s.values().stream().anyMatch(v -> v.restriction() != null && !mayRead.test(v.restriction().visibleTo()));
  }

  /** {@code s} with each value the reader may not read replaced by its redacted form. */
  private PackSection values(PackSection s, Predicate<List<String>> mayRead) {
    if (!hidesValues(s, mayRead)) {
      return s;
    }
    java.util.function.UnaryOperator<MetricValue> r = v -> v.restriction() == null || mayRead.test(v.restriction().visibleTo()) ? v
        : v.redacted(" (details " + RESTRICTED_PREFIX + names(v.restriction().visibleTo()) + ")");
    List<Field> fields = s.fields().stream().map(f -> new Field(f.key(), f.label(), r.apply(f.value()))).toList();
    List<SectionTable> tables = s.tables().stream().map(t -> new SectionTable(t.caption(), t.columns(),
        t.rows().stream().map(row -> row.stream().map(r).toList()).toList(), t.emptyText())).toList();
    List<MetricValue> items = s.items().stream().map(r).toList();
    return new PackSection(s.type(), s.title(), s.window(), s.previousWindow(), fields, tables, items, s.emptyText(), s.note(),
        s.unavailableReason(), s.visibleTo(), s.stale(), s.charts());
  }

  private String names(List<String> ids) {
    return ids.stream().map(id -> roles.find(id).map(Role::name).orElse(id)).collect(Collectors.joining(", "));
  }

  private PackSection notice(PackSection s) {
    return PackSection.unavailable(s.type(), s.title(), RESTRICTED_PREFIX + names(s.visibleTo())).withVisibleTo(s.visibleTo());
  }
}
