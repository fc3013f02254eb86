package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.pack.SectionTypeRegistry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What binding one file needs and leaves behind: the problem sink, the section-type registry, the
 * mapping each record was built from (to locate constraint violations) and the role and meeting
 * references to check later.
 */
public final class BindContext {
  private final ProblemSink sink;
  private final SectionTypeRegistry registry;
  private final Map<Object, YamlNode.Mapping> origins = new IdentityHashMap<>();
  private final List<Reference> references = new ArrayList<>();

  public BindContext(ProblemSink sink, SectionTypeRegistry registry) {
    this.sink = sink;
    this.registry = registry;
  }

  public ProblemSink sink() {
    return sink;
  }

  public SectionTypeRegistry registry() {
    return registry;
  }

  /** Remembers that {@code record} was built from {@code node}; returns {@code record}. */
  public <T> T remember(T record, YamlNode.Mapping node) {
    origins.put(record, node);
    return record;
  }

  /** The mapping {@code record} was built from, or null. */
  public YamlNode.@Nullable Mapping origin(Object record) {
    return origins.get(record);
  }

  /** Notes a role id, meeting id or dashboard url to be checked after all files are read. */
  public void reference(Reference.Kind kind, String id, Mark mark, String context) {
    references.add(new Reference(kind, id, sink.file(), mark, context));
  }

  public List<Reference> references() {
    return List.copyOf(references);
  }

  /**
   * Runs a record constructor; a violated invariant becomes an {@link ProblemCode#INVALID_VALUE}
   * problem at {@code mark} and the result is null.
   */
  public <T> @Nullable T construct(Mark mark, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      sink.add(ProblemCode.INVALID_VALUE, mark, String.valueOf(e.getMessage()), null);
      return null;
    }
  }
}
