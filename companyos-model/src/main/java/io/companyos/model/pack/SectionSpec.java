package io.companyos.model.pack;

import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One section of a pack as configured: its {@link SectionType} name and the parameters written
 * next to {@code type}. Values are already typed by the loader (see {@link ParamType}); the
 * accessors return them without any parsing. Parameters the YAML omits are absent, so callers pick
 * the default ({@link ParamSpec#defaultValue()}) themselves.
 */
public record SectionSpec(@NotBlank String type, Map<String, Object> params) {

  /** Common parameter: heading shown instead of the type's default title. */
  public static final String TITLE = "title";
  /** Common parameter: role ids allowed to see the section (all recipients when absent). */
  public static final String VISIBLE_TO = "visible_to";
  /** Common parameter: how far back the section looks. */
  public static final String LOOKBACK = "lookback";
  /** Common parameter: which previous period deltas compare against. */
  public static final String COMPARE_TO = "compare_to";
  /** Common parameter: at most this many rows. */
  public static final String LIMIT = "limit";

  public SectionSpec {
    Objects.requireNonNull(type, "type");
    Map<String, Object> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> copy.put(Objects.requireNonNull(k), copyValue(k, v)));
    params = Collections.unmodifiableMap(copy);
  }

  /** A section with no parameters. */
  public static SectionSpec of(String type) {
    return new SectionSpec(type, Map.of());
  }

  /** True when the YAML set {@code name}. */
  public boolean has(String name) {
    return params.containsKey(name);
  }

  /** A string or choice parameter. */
  public Optional<String> string(String name) {
    return typed(name, String.class);
  }

  /** A string-list or role-list parameter; empty when absent. */
  @SuppressWarnings("unchecked")
  public List<String> stringList(String name) {
    return typed(name, List.class).map(l -> (List<String>) l).orElse(List.of());
  }

  /** A boolean parameter. */
  public Optional<Boolean> bool(String name) {
    return typed(name, Boolean.class);
  }

  /** A boolean parameter or {@code fallback} when absent. */
  public boolean bool(String name, boolean fallback) {
    return bool(name).orElse(fallback);
  }

  /** A decimal parameter. */
  public Optional<BigDecimal> decimal(String name) {
    return typed(name, BigDecimal.class);
  }

  /** A whole-number parameter. */
  public Optional<Integer> integer(String name) {
    return typed(name, Integer.class);
  }

  /** A duration parameter. */
  public Optional<Duration> duration(String name) {
    return typed(name, Duration.class);
  }

  /** A duration parameter or {@code fallback} when absent. */
  public Duration duration(String name, Duration fallback) {
    return duration(name).orElse(fallback);
  }

  /** The common {@code title} parameter. */
  public Optional<String> title() {
    return string(TITLE);
  }

  /** The common {@code visible_to} parameter; empty means every recipient may see the section. */
  public List<String> visibleTo() {
    return stringList(VISIBLE_TO);
  }

  /** The common {@code lookback} parameter. */
  public Optional<Duration> lookback() {
    return duration(LOOKBACK);
  }

  /** The common {@code compare_to} parameter. */
  public Optional<CompareTo> compareTo() {
    return string(COMPARE_TO).flatMap(CompareTo::fromYaml);
  }

  /** The common {@code limit} parameter. */
  public Optional<Integer> limit() {
    return integer(LIMIT);
  }

  private <T> Optional<T> typed(String name, Class<T> type) {
    Object v = params.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!type.isInstance(v)) {
      throw new IllegalStateException("section '" + this.type + "' parameter '" + name + "' is a "
          + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }
    return Optional.of(type.cast(v));
  }

  private static Object copyValue(String key, Object v) {
    Objects.requireNonNull(v, key);
    if (v instanceof List<?> l) {
      return List.copyOf(l);
    }
    if (v instanceof String || v instanceof Boolean || v instanceof BigDecimal || v instanceof Integer
        || v instanceof Duration) {
      return v;
    }
    throw new IllegalArgumentException("parameter '" + key + "' has unsupported type " + v.getClass().getName());
  }
}
