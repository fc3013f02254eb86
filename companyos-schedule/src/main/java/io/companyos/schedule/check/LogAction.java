package io.companyos.schedule.check;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the event (WARN when firing, INFO on recovery); always available. */
public final class LogAction implements Action {
  private static final Logger LOG = LoggerFactory.getLogger("companyos.health");

  @Override
  public String id() {
    return "log";
  }

  @Override
  public ActionResult fire(String name, ActionEvent event, ActionContext context) {
    if (event.kind() == ActionEvent.Kind.TRIGGER) {
      LOG.warn("{}", event.summary());
    } else {
      LOG.info("{}", event.summary());
    }
    return new ActionResult(id(), ActionResult.Outcome.SENT, "logged");
  }
}
