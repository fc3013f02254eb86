package io.companyos.model;

/**
 * The atomic file writer under its first name: every method and {@link Content} are those of
 * {@link io.companyos.model.base.OutputFiles}, which moved to {@code companyos-model-data} so that sources and
 * connectors, which do not depend on this module, write files the same way.
 *
 * @deprecated use {@link io.companyos.model.base.OutputFiles}
 */
@Deprecated
public final class OutputFiles extends io.companyos.model.base.OutputFiles {
  private OutputFiles() {}
}
