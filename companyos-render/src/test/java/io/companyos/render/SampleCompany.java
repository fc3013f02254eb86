package io.companyos.render;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** The built-in sample company, created once for all tests (generation takes a moment). */
final class SampleCompany {
  static final Instant AS_OF = SampleSourceProvider.DEFAULT_AS_OF;
  static final ZoneId UTC = ZoneOffset.UTC;
  static final CompanyDefinition COMPANY = BuiltinDefinitions.load();
  static final MetricSource SOURCE = new SampleSourceProvider().create(
      SourceContext.of("sample", Map.of(), Clock.fixed(AS_OF, UTC), Path.of(".")));

  static {
    SOURCE.describe(); // generates the company now, so no test pays for it inside a section timeout
  }

  private SampleCompany() {}

  static PackDocument assemble(String packId) {
    return new PackAssembler(COMPANY, java.util.List.of(SOURCE)).assemble(COMPANY.pack(packId).orElseThrow(), AS_OF, UTC);
  }
}
