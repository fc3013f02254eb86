package io.companyos.connectors.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.data.ProductEvent;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whatever bytes a product export holds (PostHog JSON Lines, plain or gzip, an Amplitude zip archive), reading it gives
 * events, or a {@link ProductExportException} located in that file with a {@code COS-PRODUCT} code (strict), or the file
 * listed as skipped with its location (lenient); never another exception. One byte picks the file name and the mode, the
 * rest is the file. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/connectors/product/ProductExportsFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class ProductExportsFuzzTest {
  private static final String[] NAMES = {"events.jsonl", "events.jsonl.gz", "export.zip"};

  @FuzzTest(maxDuration = "3m")
  void anyExportGivesEventsOrALocatedError(FuzzedDataProvider data) throws IOException {
    int pick = data.consumeInt(0, 2 * NAMES.length - 1);
    String name = NAMES[pick % NAMES.length];
    boolean strict = pick >= NAMES.length;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Files.write(dir.resolve(name), bytes);
      ProductExportsSource source = Fixtures.source(dir, strict ? "strict" : "lenient", Fixtures.POSTHOG_OPTIONS);
      try {
        List<ProductEvent> rows = source.records(RecordKind.PRODUCT_EVENTS, Fixtures.ALL).rows();
        assertThat(rows).doesNotContainNull();
        assertThat(rows).allSatisfy(e -> assertThat(e.userId()).isNotBlank());
        assertThat(source.skipped()).allSatisfy(s -> {
          assertThat(s.file()).startsWith(name);
          assertThat(s.code()).startsWith("COS-PRODUCT-");
          assertThat(s.line()).isNotNegative();
        });
      } catch (ProductExportException e) {
        assertThat(strict).as(e.oneLine()).isTrue();
        assertThat(e.code()).startsWith("COS-PRODUCT-");
        assertThat(e.location()).as(e.oneLine()).startsWith(name);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }
}
