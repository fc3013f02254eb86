package io.companyos.connectors.incidents;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.connectors.common.ApiToken;
import io.companyos.connectors.common.PullCache;
import io.companyos.connectors.common.Pulls;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Provider of the {@code incident-exports} source. Options: {@code path} (required; a file or a folder, relative to
 * the directory of sources.yaml), {@code mode} ({@code strict}, the default, or {@code lenient}),
 * {@code priority.<name>} and {@code urgency.<name>} ({@code P1}..{@code P4}: the mapping of a priority or urgency),
 * {@code column.<field>} (the column or member of another tool's export holding a field of the incident record),
 * {@code list} (the member of a JSON document holding the list of incidents) and {@code time_zone} (the zone of times
 * written without an offset).
 */
public final class IncidentExportsSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: incident-exports}). */
  public static final String ID = "incident-exports";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    String sourceId = context.sourceId();
    Path path = context.baseDirectory().resolve(context.requireOption("path"));
    String mode = context.option("mode").orElse("strict");
    if (!mode.equals("strict") && !mode.equals("lenient")) {
      throw new SourceConfigException(sourceId, "mode '" + mode + "' is neither strict nor lenient", null);
    }
    Priorities priorities = Priorities.defaults();
    Map<String, String> columns = new HashMap<>();
    ZoneId zone = null;
    for (Map.Entry<String, String> o : context.options().entrySet()) {
      String key = o.getKey();
      String value = o.getValue();
      if (key.equals("path") || key.equals("mode") || key.equals("list") || Pulls.OPTIONS.contains(key)) {
        continue;
      }
      if (key.equals("time_zone")) {
        try {
          zone = ZoneId.of(value.strip());
        } catch (DateTimeException e) {
          throw new SourceConfigException(sourceId, "time_zone '" + value + "' is not a zone", "write an IANA zone such as UTC or Europe/Berlin");
        }
      } else if (key.startsWith("priority.") || key.startsWith("urgency.")) {
        String name = key.substring(key.indexOf('.') + 1);
        String level = Priorities.level(value).orElseThrow(() -> new SourceConfigException(sourceId,
            "option '" + key + "': '" + value + "' is none of P1, P2, P3, P4", null));
        if (name.isBlank()) {
          throw new SourceConfigException(sourceId, "option '" + key + "' names no " + key.substring(0, key.indexOf('.')), null);
        }
        if (key.startsWith("priority.")) {
          priorities.priority(name, level);
        } else {
          priorities.urgency(name, level);
        }
      } else if (key.startsWith("column.")) {
        String field = key.substring("column.".length());
        if (!Columns.FIELDS.contains(field)) {
          throw new SourceConfigException(sourceId, "option '" + key + "': '" + field + "' is no field of an incident",
              "the fields are " + String.join(", ", Columns.FIELDS));
        }
        if (value.isBlank()) {
          throw new SourceConfigException(sourceId, "option '" + key + "' names no column", null);
        }
        columns.put(field, value.strip());
      } else {
        throw new SourceConfigException(sourceId, "unknown option '" + key + "'",
            "the options are path, mode, priority.<name>, urgency.<name>, column.<field>, list, time_zone, and for a live pull "
                + "pull, api, token_env, token_file and since");
      }
    }
    String list = context.option("list").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    Settings settings = new Settings(priorities, new Columns(columns), zone, list);
    PagerDutyPull pull = null;
    if (context.option("pull").isPresent()) {
      String what = context.option("pull").get().strip();
      if (!what.equals("pagerduty")) {
        throw new SourceConfigException(sourceId, "pull '" + what + "' is not an API this source pulls from", "write pull: pagerduty");
      }
      pull = new PagerDutyPull(sourceId, Pulls.api(context, "https://api.pagerduty.com/"), ApiToken.of(context, "PagerDuty"),
          Pulls.sender(context), new PullCache(sourceId, path), Pulls.since(context), context.clock());
    } else {
      for (String o : Pulls.OPTIONS) {
        if (!o.equals("pull") && context.option(o).isPresent()) {
          throw new SourceConfigException(sourceId, "option '" + o + "' is for a live pull, and pull is not set", "add pull: pagerduty");
        }
      }
    }
    return new IncidentExportsSource(sourceId, path, mode.equals("strict"), settings, context.clock(), pull);
  }
}
