package io.companyos.model.config.internal;

import io.companyos.model.config.DefinitionKind;
import io.companyos.model.config.ProblemCode;
import io.companyos.model.pack.SectionTypeRegistry;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text of one definition file: parses the YAML safely, finds the file's kind, binds it to
 * records and runs the record constraints. Cross-file references are left to the caller.
 */
public final class FileParser {
  private final SectionTypeRegistry registry;
  private final YamlTreeReader reader;
  private final io.companyos.model.source.SourceCheck sourceCheck;

  public FileParser(SectionTypeRegistry registry, YamlLimits limits) {
    this(registry, limits, io.companyos.model.source.SourceCheck.NONE);
  }

  /** A parser that also checks each source of {@code sources.yaml} with {@code sourceCheck}. */
  public FileParser(SectionTypeRegistry registry, YamlLimits limits, io.companyos.model.source.SourceCheck sourceCheck) {
    this.registry = registry;
    this.reader = new YamlTreeReader(limits);
    this.sourceCheck = sourceCheck;
  }

  /**
   * Parses {@code text}; the kind is {@code expected} when given, else detected from the content,
   * the file name and {@code parentDirectory}.
   */
  public ParsedFile parse(String name, String fileName, String parentDirectory, String text,
      @Nullable DefinitionKind expected) {
    String stem = fileName.replaceFirst("\\.ya?ml$", "");
    BindContext ctx = new BindContext(new ProblemSink(name), registry);
    Optional<YamlNode> root = reader.read(text, ctx.sink());
    if (root.isEmpty()) {
      return new ParsedFile(expected, name, stem, null, ctx);
    }
    List<String> keys = root.get() instanceof YamlNode.Mapping m ? List.copyOf(m.entries().keySet()) : List.of();
    if (root.get() instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.NULL) {
      ctx.sink().add(ProblemCode.EMPTY_DOCUMENT, Mark.FILE, "the file holds no definition", null);
      return new ParsedFile(expected, name, stem, null, ctx);
    }
    DefinitionKind kind = expected != null ? expected
        : DefinitionKind.detect(fileName, parentDirectory, keys).orElse(null);
    if (kind == null) {
      ctx.sink().add(ProblemCode.UNKNOWN_KIND, root.get().mark(),
          "cannot tell what this file defines from its keys " + keys,
          "a pack has 'sections'; other files start with health_checks, meetings, roles, raci, dashboards, kpis, health_model, sources or recommendation_rules");
      return new ParsedFile(null, name, stem, null, ctx);
    }
    Object value = bind(kind, stem, root.get(), ctx, sourceCheck);
    if (value != null) {
      ConstraintChecker.check(value, ctx);
    }
    return new ParsedFile(kind, name, stem, ctx.sink().isClean() ? value : null, ctx);
  }

  private static @Nullable Object bind(DefinitionKind kind, String stem, YamlNode root, BindContext ctx,
      io.companyos.model.source.SourceCheck sourceCheck) {
    return switch (kind) {
      case PACK -> new PackReader(ctx).read(stem, root);
      case HEALTH_CHECKS -> new HealthChecksReader(ctx).read(root);
      case RHYTHM -> new RhythmReader(ctx).read(root);
      case ROLES -> new RolesReader(ctx).read(root);
      case RACI -> new RaciReader(ctx).read(root);
      case DASHBOARDS -> new DashboardsReader(ctx).read(root);
      case KPIS -> new KpisReader(ctx).read(root);
      case HEALTH_MODEL -> new HealthModelReader(ctx).read(root);
      case SOURCES -> new SourcesReader(ctx, sourceCheck).read(root);
      case RECOMMENDATIONS -> new RecommendationRulesReader(ctx).read(root);
    };
  }
}
