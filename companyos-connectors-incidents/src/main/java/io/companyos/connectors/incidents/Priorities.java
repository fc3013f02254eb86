package io.companyos.connectors.incidents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the priorities and urgencies that tools write to the P1–P4 of the incident record. Names are compared
 * ignoring case, spaces, {@code -} and {@code _} ({@code SEV-1}, {@code sev1} and {@code Sev 1} are one name). The
 * defaults (docs/connectors.md) can be extended and overridden with the options {@code priority.<name>} and
 * {@code urgency.<name>}.
 */
final class Priorities {
  static final List<String> LEVELS = List.of("P1", "P2", "P3", "P4");

  private final Map<String, String> priorities = new LinkedHashMap<>();
  private final Map<String, String> urgencies = new LinkedHashMap<>();

  private Priorities() {}

  /** The defaults: P0–P5, SEV0–SEV5 and critical/high/medium/low words; urgency high P2, low P4. */
  static Priorities defaults() {
    Priorities p = new Priorities();
    for (String n : List.of("P0", "P1", "SEV0", "SEV1", "critical")) {
      p.priorities.put(key(n), "P1");
    }
    for (String n : List.of("P2", "SEV2", "high", "major")) {
      p.priorities.put(key(n), "P2");
    }
    for (String n : List.of("P3", "SEV3", "medium", "moderate")) {
      p.priorities.put(key(n), "P3");
    }
    for (String n : List.of("P4", "P5", "SEV4", "SEV5", "low", "minor", "info")) {
      p.priorities.put(key(n), "P4");
    }
    p.urgencies.put("high", "P2");
    p.urgencies.put("low", "P4");
    return p;
  }

  /** Adds or replaces the level of a priority name. */
  void priority(String name, String level) {
    priorities.put(key(name), level);
  }

  /** Adds or replaces the level of an urgency. */
  void urgency(String name, String level) {
    urgencies.put(key(name), level);
  }

  Optional<String> ofPriority(String name) {
    return Optional.ofNullable(priorities.get(key(name)));
  }

  Optional<String> ofUrgency(String name) {
    return Optional.ofNullable(urgencies.get(key(name)));
  }

  /** {@code P1}..{@code P4} in upper case, or empty when {@code level} is none of them. */
  static Optional<String> level(String level) {
    String l = level.strip().toUpperCase(Locale.ROOT);
    return LEVELS.contains(l) ? Optional.of(l) : Optional.empty();
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
  }
}
