package io.companyos.schedule.check;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.check.EscalationPolicy;
import io.companyos.model.org.RaciActivity;
import io.companyos.model.org.RaciMatrix;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Whom an undeliverable page or resolve is escalated to: after {@code after} failed runs, a message to the
 * accountable role of a RACI activity (and the people who hold it, when known) through {@code action}.
 *
 * @param activity the RACI activity; null when the company has none for the health-check meeting
 * @param role its accountable role; null without an activity
 * @param contacts the people holding the role ({@code "Name <e-mail>"}), empty when unknown
 */
public record Escalation(int after, String action, @Nullable String activity, @Nullable String role, List<String> contacts) {
  /** Failed runs before an undelivered notification is reported as escalated when no escalation is configured. */
  public static final int DEFAULT_AFTER = EscalationPolicy.DEFAULT.after();

  public Escalation {
    contacts = List.copyOf(contacts);
    if (after < 1) {
      throw new IllegalArgumentException("after must be at least 1, got " + after);
    }
  }

  /**
   * The company's escalation: its {@code escalation} policy, the accountable role of the policy's activity (by
   * default the activity of the {@code health-check} meeting) and that role's people from {@code contacts}.
   */
  public static Escalation of(CompanyDefinition company, Function<String, List<String>> contacts) {
    return of(company.healthChecks().escalation(), company.raci(), contacts);
  }

  /** {@code policy} resolved against {@code raci}, for checks read from a file of their own. */
  public static Escalation of(EscalationPolicy p, RaciMatrix raci, Function<String, List<String>> contacts) {
    Optional<RaciActivity> activity = p.activity() != null ? raci.activity(p.activity())
        : raci.forMeeting(EscalationPolicy.DEFAULT_MEETING);
    String role = activity.map(RaciActivity::accountable).orElse(null);
    return new Escalation(p.after(), p.action(), activity.map(RaciActivity::activity).orElse(null), role,
        role == null ? List.of() : contacts.apply(role));
  }

  /** {@code "sre_lead (Sam Rivera <sam@example.com>), accountable for 'Daily Health Check'"}, or that nobody is named. */
  public String whom() {
    if (role == null) {
      return "nobody named (no RACI activity for the health-check meeting)";
    }
    return role + (contacts.isEmpty() ? "" : " (" + String.join(", ", contacts) + ")") + ", accountable for '" + activity + "'";
  }
}
