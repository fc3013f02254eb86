package io.companyos.model.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.HealthChecks;
import io.companyos.model.org.Dashboard;
import io.companyos.model.org.RaciActivity;
import io.companyos.model.org.RaciMatrix;
import io.companyos.model.org.RhythmKpi;
import io.companyos.model.org.Role;
import io.companyos.model.org.Roles;
import io.companyos.model.pack.Delivery;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.SectionSpec;
import io.companyos.model.rhythm.Rhythm;
import io.companyos.model.time.Durations;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes definitions back as YAML in the format {@link DefinitionLoader} reads, so that
 * programmatically built definitions can be saved and edited; loading the output gives an equal
 * value. Strings are always quoted, so values such as {@code "yes"} or {@code "10:00"} stay text.
 */
public final class DefinitionWriter {
  private final YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build());

  /** A pack file ({@code meeting-packs/<id>.yaml}); the id is the file name and is not written. */
  public String write(PackDefinition pack) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", pack.name());
    putIfPresent(m, "schedule", pack.schedule());
    m.put("timezone", zone(pack.timezone()));
    putIfPresent(m, "meeting", pack.meeting());
    if (pack.leadTime() != null) {
      m.put("lead_time", Durations.format(pack.leadTime()));
    }
    m.put("recipients", pack.recipientRoles().stream().map(r -> Map.of("role", r)).toList());
    m.put("sections", pack.sections().stream().map(DefinitionWriter::section).toList());
    m.put("delivery", pack.delivery().stream().map(DefinitionWriter::delivery).toList());
    return yaml(m);
  }

  /** A {@code health-checks.yaml} file. */
  public String write(HealthChecks checks) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("interval", Durations.format(checks.interval()));
    List<Object> items = new ArrayList<>();
    for (HealthCheck c : checks.checks()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", c.name());
      if (c.slo() != null) {
        item.put("slo", c.slo().name());
        item.put("measure", c.slo().measure().key());
      } else {
        item.put("query", c.query());
      }
      item.put("threshold", c.threshold().toString());
      item.put("action", c.action());
      if (c.fireOnStale()) {
        item.put("fire_on_stale", true);
      }
      if (c.severity() != null) {
        item.put("severity", c.severity());
      }
      items.add(item);
    }
    m.put("health_checks", items);
    if (!checks.escalation().equals(io.companyos.model.check.EscalationPolicy.DEFAULT)) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("after", checks.escalation().after());
      e.put("action", checks.escalation().action());
      if (checks.escalation().activity() != null) {
        e.put("activity", checks.escalation().activity());
      }
      m.put("escalation", e);
    }
    return yaml(m);
  }

  /** A {@code rhythm.yaml} file; every meeting's time zone is written explicitly. */
  public String write(Rhythm rhythm) {
    return yaml(RhythmTree.of(rhythm));
  }

  /** A {@code roles.yaml} file. */
  public String write(Roles roles) {
    List<Object> items = new ArrayList<>();
    for (Role r : roles.roles()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", r.id());
      item.put("name", r.name());
      if (!r.includes().isEmpty()) {
        item.put("includes", r.includes());
      }
      items.add(item);
    }
    return yaml(Map.of("roles", items));
  }

  /** A {@code raci.yaml} file. */
  public String write(RaciMatrix raci) {
    List<Object> rows = new ArrayList<>();
    for (RaciActivity a : raci.activities()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("activity", a.activity());
      putIfPresent(row, "meeting", a.meeting());
      Map<String, Object> cells = new LinkedHashMap<>();
      a.assignments().forEach((role, v) -> cells.put(role, v.symbol()));
      row.put("assignments", cells);
      rows.add(row);
    }
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("roles", raci.roles());
    inner.put("activities", rows);
    return yaml(Map.of("raci", inner));
  }

  /** A {@code dashboards.yaml} file. */
  public String writeDashboards(List<Dashboard> dashboards) {
    List<Object> items = new ArrayList<>();
    for (Dashboard d : dashboards) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", d.id());
      item.put("name", d.name());
      item.put("url", d.url());
      item.put("access", d.access());
      items.add(item);
    }
    return yaml(Map.of("dashboards", items));
  }

  /** A {@code kpis.yaml} file. */
  public String writeKpis(List<RhythmKpi> kpis) {
    List<Object> items = new ArrayList<>();
    for (RhythmKpi k : kpis) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", k.id());
      item.put("name", k.name());
      item.put("target", k.target().toString());
      item.put("unit", k.unit().yamlName());
      item.put("measurement", k.measurement());
      items.add(item);
    }
    return yaml(Map.of("kpis", items));
  }

  static String zone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  private static Map<String, Object> section(SectionSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", s.type());
    s.params().forEach((k, v) -> m.put(k, v instanceof Duration d ? Durations.format(d) : v));
    return m;
  }

  private static Map<String, Object> delivery(Delivery d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", d.channel().yamlName());
    m.put(d.channel().usesUrl() ? "url" : "destination", d.target());
    return m;
  }

  private static void putIfPresent(Map<String, Object> m, String key, @Nullable Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private String yaml(Object tree) {
    try {
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
