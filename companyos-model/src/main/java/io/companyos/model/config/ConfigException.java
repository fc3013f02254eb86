package io.companyos.model.config;

import io.companyos.model.base.CompanyOsException;
import java.util.List;

/**
 * Thrown when definitions do not load: carries every {@link ConfigProblem} found (not just the
 * first), sorted by location. Its own code, location and hint are those of the first problem.
 */
public final class ConfigException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /**
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(first(problems).code().code(), summary(problems), first(problems).location(), first(problems).hint());
    this.problems = problems.stream().sorted(ConfigProblem.BY_LOCATION).toList();
  }

  /** All problems, sorted by file and position. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static ConfigProblem first(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    return problems.stream().sorted(ConfigProblem.BY_LOCATION).findFirst().orElseThrow();
  }

  private static String summary(List<ConfigProblem> problems) {
    String m = first(problems).message();
    return problems.size() == 1 ? m : m + " (and " + (problems.size() - 1) + " more problems)";
  }
}
