package io.companyos.sources.files;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;

/**
 * Provider of the {@code files} source. Options: {@code dir} (required; relative to the directory of
 * sources.yaml), {@code mode} ({@code strict}, the default, or {@code lenient}), {@code cache} (optional; a folder,
 * relative to the directory of sources.yaml, where the columns of big files are kept between runs:
 * {@link FilesSource#withColumnCache}).
 */
public final class FilesSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: files}). */
  public static final String ID = "files";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    Path dir = context.baseDirectory().resolve(context.requireOption("dir"));
    String mode = context.option("mode").orElse("strict");
    if (!mode.equals("strict") && !mode.equals("lenient")) {
      throw new SourceConfigException(context.sourceId(), "mode '" + mode + "' is neither strict nor lenient", null);
    }
    FilesSource source = new FilesSource(context.sourceId(), dir, mode.equals("strict"), context.clock());
    return context.option("cache").map(c -> source.withColumnCache(context.baseDirectory().resolve(c))).orElse(source);
  }
}
