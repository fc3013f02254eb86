/** Schedules (cron with IANA zones, meeting rules, lead times), the ICS calendar and the health-check runner. */
module io.companyos.schedule {
  requires transitive io.companyos.model;
  requires transitive io.companyos.sources;
  requires transitive io.companyos.scoring;
  requires com.cronutils;
  requires java.net.http;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static transitive org.jspecify;
  exports io.companyos.schedule;
  exports io.companyos.schedule.check;
  uses io.companyos.schedule.check.Action;
  provides io.companyos.schedule.check.Action with
      io.companyos.schedule.check.LogAction,
      io.companyos.schedule.check.SlackAction,
      io.companyos.schedule.check.PagerDutyAction,
      io.companyos.schedule.check.WebhookAction,
      io.companyos.schedule.check.StatusPageAction;
}
