package io.companyos.model.config.internal;

import io.companyos.model.config.DefinitionKind;
import io.companyos.model.config.ConfigProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One definition file after reading: its kind, the value it holds (null when it has problems) and
 * the binding context with its problems, record origins and references.
 *
 * @param name the file name as shown to the user
 * @param stem the file name without directory and extension (a pack's id)
 */
public record ParsedFile(@Nullable DefinitionKind kind, String name, String stem, @Nullable Object value,
    BindContext context) {

  /** The problems found in this file so far. */
  public List<ConfigProblem> problems() {
    return context.sink().problems();
  }
}
