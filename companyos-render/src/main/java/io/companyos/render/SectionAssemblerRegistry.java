package io.companyos.render;

import io.companyos.render.internal.BuiltinAssemblers;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assemblers by section type name. {@link #builtin()} covers every built-in section type; a
 * company adds assemblers for its own types with {@link #with(SectionAssembler)}.
 */
public final class SectionAssemblerRegistry {
  private final Map<String, SectionAssembler> byType;

  private SectionAssemblerRegistry(Map<String, SectionAssembler> byType) {
    this.byType = Map.copyOf(byType);
  }

  /**
   * The assemblers of all built-in section types.
   *
   * @return a registry of the built-in assemblers
   */
  public static SectionAssemblerRegistry builtin() {
    return of(BuiltinAssemblers.all());
  }

  /**
   * A registry of exactly {@code assemblers}.
   *
   * @param assemblers the assemblers, one per type
   * @return the registry
   * @throws IllegalArgumentException if two assemblers fill the same type
   */
  public static SectionAssemblerRegistry of(Collection<? extends SectionAssembler> assemblers) {
    Map<String, SectionAssembler> m = new LinkedHashMap<>();
    for (SectionAssembler a : assemblers) {
      if (m.put(a.type(), a) != null) {
        throw new IllegalArgumentException("two assemblers for section type '" + a.type() + "'");
      }
    }
    return new SectionAssemblerRegistry(m);
  }

  /**
   * This registry plus {@code assembler}, which replaces any assembler of the same type.
   *
   * @param assembler the assembler to add
   * @return a new registry; this one is unchanged
   */
  public SectionAssemblerRegistry with(SectionAssembler assembler) {
    Map<String, SectionAssembler> m = new LinkedHashMap<>(byType);
    m.put(assembler.type(), assembler);
    return new SectionAssemblerRegistry(m);
  }

  /**
   * The assembler of a section type.
   *
   * @param type the section type name
   * @return the registered assembler, or empty when none fills the type
   */
  public Optional<SectionAssembler> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /**
   * The registered type names.
   *
   * @return the names, sorted
   */
  public List<String> types() {
    return byType.keySet().stream().sorted().toList();
  }
}
