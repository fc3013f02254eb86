package io.companyos.connectors.delivery;

import java.util.List;
import java.util.Locale;

/**
 * How to read the exports of one source.
 *
 * @param environments the environment names that are production (option {@code environments}); empty: what each
 *     platform marks as production, or an environment named {@code production} or {@code prod}
 */
record Settings(List<String> environments) {
  static final List<String> DEFAULT_NAMES = List.of("production", "prod");

  /** Whether a deployment to {@code environment} is a production deployment. */
  boolean production(String environment, boolean markedProduction) {
    String e = environment.strip().toLowerCase(Locale.ROOT);
    if (!environments.isEmpty()) {
      return environments.stream().anyMatch(n -> n.strip().toLowerCase(Locale.ROOT).equals(e));
    }
    return markedProduction || DEFAULT_NAMES.contains(e);
  }
}
