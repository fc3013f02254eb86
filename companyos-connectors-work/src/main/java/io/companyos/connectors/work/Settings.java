package io.companyos.connectors.work;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to read the Jira exports of one source.
 *
 * @param storyPointsField the field of {@code fields} that holds story points (option {@code story_points_field})
 * @param issueTypes issue type names (normalised by {@link #key}) and their kind, the defaults overridden by the
 *     {@code issuetype.<name>} options
 * @param escapedLabel the label that marks a bug found in production (option {@code escaped_label}), or null
 */
record Settings(String storyPointsField, Map<String, String> issueTypes, @Nullable String escapedLabel) {
  static final String DEFAULT_POINTS_FIELD = "customfield_10016";
  static final List<String> KINDS = List.of("story", "task", "bug");

  /** The default kinds of the issue types Jira's templates create, and of common custom ones. */
  static Map<String, String> defaultTypes() {
    Map<String, String> m = new HashMap<>();
    for (String t : List.of("Story", "User Story", "Feature", "Improvement", "New Feature")) {
      m.put(key(t), "story");
    }
    for (String t : List.of("Bug", "Defect")) {
      m.put(key(t), "bug");
    }
    for (String t : List.of("Task", "Sub-task", "Subtask", "Spike", "Chore", "Technical Task")) {
      m.put(key(t), "task");
    }
    return m;
  }

  /** An issue type name compared ignoring case, spaces, {@code -} and {@code _} ({@code Sub-task} = {@code subtask}). */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
  }

  /** The kind of an issue type, if mapped. */
  Optional<String> kind(String issueType) {
    return Optional.ofNullable(issueTypes.get(key(issueType)));
  }
}
