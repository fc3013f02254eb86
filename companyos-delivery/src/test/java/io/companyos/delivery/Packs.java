package io.companyos.delivery;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Packs of the embedded sample company, assembled once per test run. */
final class Packs {
  static final Instant AS_OF = SampleSourceProvider.DEFAULT_AS_OF;
  static final CompanyDefinition COMPANY = BuiltinDefinitions.load();
  static final MetricSource SOURCE = new SampleSourceProvider().create(
      SourceContext.of("sample", Map.of(), Clock.fixed(AS_OF, ZoneOffset.UTC), Path.of(".")));
  private static final Map<String, PackDocument> DOCS = new ConcurrentHashMap<>();

  private Packs() {}

  static PackDefinition definition(String id) {
    return COMPANY.pack(id).orElseThrow();
  }

  static PackDocument document(String id) {
    return DOCS.computeIfAbsent(id, k -> new PackAssembler(COMPANY, List.of(SOURCE)).assemble(definition(k), AS_OF, ZoneOffset.UTC));
  }
}
