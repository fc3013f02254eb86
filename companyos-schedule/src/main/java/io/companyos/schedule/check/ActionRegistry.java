package io.companyos.schedule.check;

import io.companyos.model.base.CompanyOsException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The actions available to health checks, discovered with {@link ServiceLoader}. The seed's action names
 * are aliases: {@code page_oncall} → {@code page}, {@code slack_security_channel} → {@code slack},
 * {@code update_status_page} → {@code status_page}.
 */
public final class ActionRegistry {
  /** The seed's names for the built-in actions. */
  public static final Map<String, String> SEED_ALIASES =
      Map.of("page_oncall", "page", "slack_security_channel", "slack", "update_status_page", "status_page");

  private final Map<String, Action> actions;

  private ActionRegistry(Map<String, Action> actions) {
    this.actions = actions;
  }

  public static ActionRegistry discover() {
    Map<String, Action> byId = new TreeMap<>();
    for (Action a : ServiceLoader.load(Action.class)) {
      Action earlier = byId.putIfAbsent(a.id(), a);
      if (earlier != null && earlier.getClass() != a.getClass()) {
        throw new CompanyOsException("COS-CHK-002", "two actions declare the id '" + a.id() + "': "
            + earlier.getClass().getName() + " and " + a.getClass().getName(), null, "remove one of the two from the class path");
      }
    }
    return new ActionRegistry(byId);
  }

  /** A registry of exactly these actions (tests, embedding). */
  public static ActionRegistry of(List<Action> actions) {
    Map<String, Action> byId = new TreeMap<>();
    actions.forEach(a -> byId.put(a.id(), a));
    return new ActionRegistry(byId);
  }

  /**
   * The action for a name used in a check.
   *
   * @throws CompanyOsException {@code COS-CHK-001} naming the available actions
   */
  public Action resolve(String name) {
    Action a = actions.get(SEED_ALIASES.getOrDefault(name, name));
    if (a == null) {
      throw new CompanyOsException("COS-CHK-001", "no action '" + name + "'; available: " + String.join(", ", actions.keySet())
          + " and the seed's " + String.join(", ", new TreeMap<>(SEED_ALIASES).keySet()), null,
          "fix the check's 'action' or add the plugin that provides it");
    }
    return a;
  }
}
