package io.companyos.model.pack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The set of section types packs may use, by name. {@link #builtin()} holds every section the seed's
 * ten packs need; {@link #with(SectionType)} adds a company's own types without touching the built-in
 * ones.
 */
public final class SectionTypeRegistry {
  private static final SectionTypeRegistry BUILTIN = new SectionTypeRegistry(BuiltinSectionTypes.all());

  private final Map<String, SectionType> types;

  private SectionTypeRegistry(Collection<SectionType> types) {
    Map<String, SectionType> byName = new TreeMap<>();
    for (SectionType t : types) {
      if (byName.put(t.name(), t) != null) {
        throw new IllegalArgumentException("section type '" + t.name() + "' is registered twice");
      }
    }
    this.types = Map.copyOf(byName);
  }

  /** The built-in section types. */
  public static SectionTypeRegistry builtin() {
    return BUILTIN;
  }

  /** A registry with exactly these types. */
  public static SectionTypeRegistry of(Collection<SectionType> types) {
    return new SectionTypeRegistry(types);
  }

  /**
   * This registry plus {@code type}.
   *
   * @throws IllegalArgumentException if a type of that name exists already
   */
  public SectionTypeRegistry with(SectionType type) {
    List<SectionType> all = new ArrayList<>(types.values());
    all.add(type);
    return new SectionTypeRegistry(all);
  }

  /** The type called {@code name}, if registered. */
  public Optional<SectionType> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** All type names in alphabetical order. */
  public List<String> names() {
    return types.keySet().stream().sorted().toList();
  }

  /** All types in alphabetical order of name. */
  public List<SectionType> types() {
    return names().stream().map(types::get).toList();
  }
}
