package io.companyos.render;

/**
 * Fills one section type from sources. One implementation per type name (or a small group of
 * related types), registered by {@link #type()}; a company can add its own for custom section types.
 * Implementations are stateless and thread-safe: sections of a pack are assembled in parallel.
 */
public interface SectionAssembler {

  /**
   * The section type this assembler fills.
   *
   * @return the type name, e.g. {@code incident_summary}
   */
  String type();

  /**
   * Builds the section for {@code context}. Missing data becomes absent values with a reason; a
   * source failure may be thrown ({@link io.companyos.sources.SourceException}) and turns the whole
   * section unavailable.
   *
   * @param context the section's parameters, windows and sources
   * @return the assembled section
   */
  PackSection assemble(SectionContext context);

  /**
   * The section shown when {@link #assemble} failed for {@code reason}. The default has no content;
   * assemblers of sections with fixed labels or columns return them with every value absent, so the
   * reader still sees each heading and label with "n/a (reason)".
   *
   * @param context the section's parameters, windows and sources
   * @param reason why the section could not be assembled
   * @return the unavailable section
   */
  default PackSection unavailable(SectionContext context, String reason) {
    return PackSection.unavailable(type(), context.title(), reason);
  }
}
