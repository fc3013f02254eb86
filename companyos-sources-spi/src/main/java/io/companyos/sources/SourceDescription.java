package io.companyos.sources;

import java.util.List;
import java.util.Set;

/**
 * What a source can answer, so that packs can say "n/a (source X has no incidents)" instead of failing,
 * and so that {@code companyos sources} can list capabilities.
 *
 * @param type the provider id, e.g. {@code files}
 * @param recordKinds names of the {@link RecordKind}s it returns
 * @param metrics metric names (or a pattern such as {@code *} for "any PromQL") it can query
 */
public record SourceDescription(String type, Set<String> recordKinds, List<String> metrics) {

  public SourceDescription {
    recordKinds = Set.copyOf(recordKinds);
    metrics = List.copyOf(metrics);
  }

  public boolean supports(RecordKind<?> kind) {
    return recordKinds.contains(kind.name());
  }
}
