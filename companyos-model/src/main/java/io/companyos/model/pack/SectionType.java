package io.companyos.model.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of pack section ({@code incident_summary}, {@code slo_performance}, ...) and the
 * parameters it accepts. Renderers implement one producer per type name; the names are stable.
 */
public record SectionType(String name, String description, Map<String, ParamSpec> params) {

  public SectionType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    params = Map.copyOf(params);
  }

  /** A type whose parameters are listed in order; names must be distinct. */
  public static SectionType of(String name, String description, List<ParamSpec> params) {
    Map<String, ParamSpec> byName = new LinkedHashMap<>();
    for (ParamSpec p : params) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalArgumentException("section type '" + name + "' declares '" + p.name() + "' twice");
      }
    }
    return new SectionType(name, description, byName);
  }

  /** The declaration of {@code param}, if this type accepts it. */
  public Optional<ParamSpec> param(String param) {
    return Optional.ofNullable(params.get(param));
  }

  /** Parameter names in alphabetical order (for messages and documentation). */
  public List<String> paramNames() {
    return params.keySet().stream().sorted().toList();
  }
}
