package io.companyos.schedule.check;

/**
 * Something a health check does when it fires or recovers: log, post to Slack, page on-call, update a
 * status page, call a webhook. Discovered with {@link java.util.ServiceLoader}; this interface grows only
 * by default methods.
 */
public interface Action {

  /** The action name used in {@code health_checks[].action} (see {@link ActionRegistry} for the seed's aliases). */
  String id();

  /**
   * Performs the action; must not throw for delivery problems — return {@link ActionResult.Outcome#FAILED}
   * with the reason instead, and {@link ActionResult.Outcome#SKIPPED} when it is not configured.
   *
   * @param name the name the check used (an alias such as {@code slack_security_channel}), for per-name configuration
   */
  ActionResult fire(String name, ActionEvent event, ActionContext context);
}
