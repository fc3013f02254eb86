package io.companyos.sources;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a source can answer, so that packs can say "n/a (source X has no incidents)" instead of failing,
 * and so that {@code companyos sources} can list capabilities.
 *
 * @param type the provider id, e.g. {@code files}
 * @param recordKinds names of the {@link RecordKind}s it returns
 * @param metrics metric names (or a pattern such as {@code *} for "any PromQL") it can query
 */
public record SourceDescription(String type, Set<String> recordKinds, List<String> metrics) {

  /**
   * Copies the record kinds and metrics.
   *
   * @param type the provider id
   * @param recordKinds names of the record kinds it returns
   * @param metrics metric names or patterns it can query
   */
  public SourceDescription {
    recordKinds = Set.copyOf(recordKinds);
    metrics = List.copyOf(metrics);
  }

  /**
   * The description of a source that returns rows of these kinds and answers no metric queries.
   *
   * @param type the provider id
   * @param kinds the record kinds it returns
   * @return the description
   */
  public static SourceDescription of(String type, RecordKind<?>... kinds) {
    return of(type, Arrays.asList(kinds), List.of());
  }

  /**
   * The description of a source that returns rows of these kinds and answers these metric queries.
   *
   * @param type the provider id
   * @param kinds the record kinds it returns
   * @param metrics metric names or patterns it can query
   * @return the description
   */
  public static SourceDescription of(String type, Collection<? extends RecordKind<?>> kinds, List<String> metrics) {
    Set<String> names = new TreeSet<>();
    for (RecordKind<?> kind : kinds) {
      names.add(kind.name());
    }
    return new SourceDescription(type, names, metrics);
  }

  /**
   * Whether the source returns rows of {@code kind}.
   *
   * @param kind a record kind
   * @return true when the kind is among {@link #recordKinds()}
   */
  public boolean supports(RecordKind<?> kind) {
    return recordKinds.contains(kind.name());
  }
}
