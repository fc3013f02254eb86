package io.companyos.examples.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of docs/getting-started.md and docs/rendering.md is a source file of this module, shown verbatim,
 * so it compiles with the build; the classes run here, and the plugin's module-info compiles against the SPI.
 */
class GettingStartedDocTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Path TEST = Path.of("src", "test", "java");
  private static final Path MODULE_INFO = Path.of("src", "test", "resources", "getting-started", "module-info.java");
  private static final Pattern TYPE = Pattern.compile("^(?:public )?(?:final )?(?:class|interface|record|enum) (\\w+)",
      Pattern.MULTILINE);

  static List<String> blocks(String markdown, String language) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```$").matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The source file a Java block shows: module-info, or the public type of its package. */
  static Path sourceOf(String block) {
    if (block.startsWith("module ")) {
      return MODULE_INFO;
    }
    Matcher pkg = Pattern.compile("^package ([\\w.]+);").matcher(block);
    Matcher type = TYPE.matcher(block);
    assertThat(pkg.find() && type.find()).as("a Java block is a whole file:\n%s", block).isTrue();
    Path file = Path.of(pkg.group(1).replace('.', '/')).resolve(type.group(1) + ".java");
    return Files.exists(MAIN.resolve(file)) ? MAIN.resolve(file) : TEST.resolve(file);
  }

  @Test
  void everyJavaBlockIsASourceFileVerbatim() throws Exception {
    for (String doc : List.of("getting-started.md", "rendering.md")) {
      List<String> java = blocks(Files.readString(DOCS.resolve(doc)), "java");
      assertThat(java).as(doc).isNotEmpty();
      for (String block : java) {
        Path file = sourceOf(block);
        assertThat(file).as(doc).exists();
        assertThat(block).as("%s shows %s", doc, file).isEqualTo(Files.readString(file));
      }
    }
    List<Path> shown = blocks(Files.readString(DOCS.resolve("getting-started.md")), "java").stream()
        .map(GettingStartedDocTest::sourceOf).toList();
    assertThat(shown).contains(MAIN.resolve("io/companyos/examples/start/RenderSamplePack.java"),
        MAIN.resolve("io/companyos/examples/start/plugin/DailyDeploySource.java"),
        MAIN.resolve("io/companyos/examples/start/plugin/DailyDeploySourceProvider.java"), MODULE_INFO,
        TEST.resolve("io/companyos/examples/start/DailyDeploySourceContractTest.java"));
  }

  @Test
  void theOtherBlocksAreTheFilesTheExamplesUse() throws Exception {
    String doc = Files.readString(DOCS.resolve("getting-started.md"));
    assertThat(blocks(doc, "yaml")).contains(Files.readString(Path.of("src", "test", "resources", "application.yaml")));
    assertThat(Files.readAllLines(Path.of("src", "main", "resources", "META-INF", "services",
        "io.companyos.sources.MetricSourceProvider"))).contains(blocks(doc, "text").stream()
        .filter(b -> b.startsWith("io.companyos")).findFirst().orElseThrow().strip());
    assertThat(doc).contains("<artifactId>companyos-bom</artifactId>", "<artifactId>companyos-render</artifactId>",
        "<artifactId>companyos-sources-builtin</artifactId>", "<artifactId>companyos-spring-boot-starter</artifactId>",
        "<artifactId>spring-boot-starter-web</artifactId>", "<artifactId>companyos-sources-tck</artifactId>");
  }

  @Test
  void theLibraryExamplePrintsTheOpsReview() {
    String out = runMain(() -> RenderSamplePack.main(new String[0]));
    assertThat(out).contains("## Weekly Ops Review - Week 47", "### Incident Summary", "[^1]: sample · incidents")
        .doesNotContain("{{", "NaN");
  }

  @Test
  void theRenderingExampleStoresThePack(@TempDir Path dir) throws Exception {
    List<String> lines = runMain(() -> StoreSamplePack.main(new String[] {dir.toString()})).strip().lines().toList();
    Path stored = Path.of(lines.get(lines.size() - 1)); // the last line: logging may come first
    assertThat(stored).startsWith(dir).isRegularFile();
    assertThat(Files.readString(stored)).startsWith("## Weekly Ops Review - Week 47");
  }

  @Test
  void thePluginCompilesAsAModule(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    Path plugin = Path.of("io", "companyos", "examples", "start", "plugin");
    Files.createDirectories(src.resolve(plugin));
    Files.copy(MODULE_INFO, src.resolve("module-info.java"));
    for (String name : List.of("DailyDeploySource.java", "DailyDeploySourceProvider.java")) {
      Files.copy(MAIN.resolve(plugin).resolve(name), src.resolve(plugin).resolve(name));
    }
    String modulePath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> Files.exists(Path.of(e)))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", dir.resolve("out").toString(),
        "--module-path", modulePath));
    try (Stream<Path> files = Files.walk(src)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, err, err, args.toArray(String[]::new));
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(dir.resolve("out").resolve("module-info.class")).isRegularFile();
  }

  private static String runMain(Runnable main) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
