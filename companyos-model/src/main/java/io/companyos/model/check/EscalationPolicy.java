package io.companyos.model.check;

import jakarta.validation.constraints.NotBlank;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who hears about a notification that cannot be delivered ({@code escalation:} in health-checks.yaml):
 * after {@code after} runs in a row that failed to deliver a check's page or resolve, the accountable role
 * of a RACI activity is told through {@code action}.
 *
 * @param after failed delivery runs before escalating (at least 1)
 * @param action the action that carries the escalation (an action name, as in a check)
 * @param activity the RACI activity whose accountable role is escalated to; null = the activity of the
 *     rhythm's {@code health-check} meeting
 */
public record EscalationPolicy(int after, @NotBlank String action, @Nullable String activity) {
  /** The meeting whose RACI activity is escalated to by default. */
  public static final String DEFAULT_MEETING = "health-check";
  /** Three failed runs (15 minutes at the seed's cadence), then Slack, to the health-check activity's accountable role. */
  public static final EscalationPolicy DEFAULT = new EscalationPolicy(3, "slack", null);

  public EscalationPolicy {
    Objects.requireNonNull(action, "action");
    if (after < 1) {
      throw new IllegalArgumentException("escalation 'after' must be at least 1, got " + after);
    }
  }
}
