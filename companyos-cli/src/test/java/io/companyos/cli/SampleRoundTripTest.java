package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample export} then rendering from the {@code files} source gives the same numbers as the embedded sample:
 * every pack, in Markdown, HTML and JSON, is the same text but for the footnotes, which name the source.
 */
class SampleRoundTripTest {
  @TempDir Path dir;

  @Test
  void everyPackReadsTheSameFromTheExportedFiles() throws IOException {
    String asOf = "2026-11-23T09:00:00Z";
    assertThat(MainTest.run("sample", "export", dir.resolve("data").toString()).code()).isZero();
    Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - id: warehouse-export\n    type: files\n    options:\n      dir: data\n");
    MainTest.Result files = MainTest.run("render", "--all", "--format", "md,html,json", "--out", dir.resolve("files").toString(),
        "--sources", dir.resolve("sources.yaml").toString(), "--as-of", asOf);
    assertThat(files.code()).as(files.err()).isZero();
    MainTest.Result sample = MainTest.run("render", "--all", "--format", "md,html,json", "--out", dir.resolve("sample").toString(),
        "--as-of", asOf);
    assertThat(sample.code()).as(sample.err()).isZero();
    List<Path> packs;
    try (Stream<Path> s = Files.walk(dir.resolve("sample"))) {
      packs = s.filter(p -> p.toString().matches(".*\\.(md|html|json)$")).sorted().toList();
    }
    assertThat(packs).hasSize(30);
    for (Path p : packs) {
      Path twin = dir.resolve("files").resolve(dir.resolve("sample").relativize(p));
      assertThat(withoutProvenance(twin)).as(p.getFileName().toString()).isEqualTo(withoutProvenance(p));
    }
  }

  /** The pack's lines without the footnote definitions and provenance fields, which name the source and its query. */
  static String withoutProvenance(Path p) throws IOException {
    return Files.readAllLines(p).stream()
        .filter(l -> !l.startsWith("[^") && !l.contains("<li id=\"fn"))
        .filter(l -> !l.matches("\\s*\"(source|query|sourceId|fetchedAt|rows|windowStart|windowEnd|number)\"\\s*:.*"))
        .collect(Collectors.joining("\n"));
  }
}
