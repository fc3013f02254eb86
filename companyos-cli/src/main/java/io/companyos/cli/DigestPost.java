package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.render.CompositeHealth;
import io.companyos.schedule.check.CheckResult;
import io.companyos.schedule.check.HealthDigest;
import io.companyos.sources.MetricSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Slack digest: its text, and posting it to {@code COMPANYOS_SLACK_WEBHOOK_URL} (only a 2xx answer counts). */
final class DigestPost {
  static final String URL = "COMPANYOS_SLACK_WEBHOOK_URL";

  private DigestPost() {}

  static String text(CompanyDefinition company, List<MetricSource> sources, Instant at, ZoneId zone, List<CheckResult> checks) {
    return HealthDigest.text(at, zone, CompositeHealth.evaluate(company, sources, at, zone), checks);
  }

  /** Posts {@code text} the way a check's Slack action posts; empty when Slack answered 2xx, else why not. */
  static Optional<String> post(Map<String, String> settings, String text) {
    io.companyos.schedule.check.ActionContext context = io.companyos.schedule.check.ActionContext.of(settings::get);
    io.companyos.schedule.check.ActionResult r = io.companyos.schedule.check.SlackAction.postText(context, text);
    return r.outcome() == io.companyos.schedule.check.ActionResult.Outcome.SENT ? Optional.empty() : Optional.of(r.detail());
  }
}
