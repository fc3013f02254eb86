package io.companyos.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library on the module path: the CLI module started with {@code java -p … -m io.companyos.cli/…} renders
 * every built-in pack and exports it as PDF and pptx, with every module resolved by its descriptor (no class
 * path). Run by Failsafe after the jars are built ({@code mvn verify}); the module path is the CLI's run-time
 * jars, copied by the dependency plugin.
 */
class ModulePathIT {
  private static final Path MODULE_PATH = Path.of(System.getProperty("companyos.modulePath", "target/module-path"));

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(java(), "-Djava.awt.headless=true", "-p", MODULE_PATH.toString()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished within 5 minutes").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void everyModuleResolvesByItsDescriptor(@TempDir Path dir) throws Exception {
    assertThat(MODULE_PATH.resolve("companyos-cli-" + version() + ".jar")).exists();
    Run r = run(dir, "--show-module-resolution", "--list-modules");
    assertThat(r.code()).as(r.err()).isZero();
    for (String module : List.of("io.companyos.model", "io.companyos.sources", "io.companyos.scoring", "io.companyos.render",
        "io.companyos.site", "io.companyos.export.pdf", "io.companyos.export.pptx", "io.companyos.cli")) {
      assertThat(r.out()).as(module).contains(module + "@" + version());
    }
  }

  @Test
  void rendersEveryPackAndExportsPdfAndSlides(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("packs");
    Run r = run(dir, "-m", "io.companyos.cli/io.companyos.cli.Main", "render", "--all", "--format", "md,html,json,pdf,pptx",
        "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("rendered 10 of 10 packs (0 partial, 0 failed)").doesNotContain("Exception");
    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    // Ten packs in five formats, and the generation log.
    assertThat(files).hasSize(10 * 5 + 1);

    Path pdf = out.resolve("ops-reviews/2026-11-23.pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isPositive();
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Ops Review").contains("Sources");
    }
    Path pptx = out.resolve("ops-reviews/2026-11-23.pptx");
    try (XMLSlideShow show = new XMLSlideShow(Files.newInputStream(pptx))) {
      assertThat(show.getSlides()).hasSizeGreaterThan(1);
      StringBuilder text = new StringBuilder();
      for (XSLFShape shape : show.getSlides().get(0).getShapes()) {
        if (shape instanceof XSLFTextShape t) {
          text.append(t.getText()).append('\n');
        }
      }
      assertThat(text.toString()).contains("Ops Review");
    }
    // The Markdown carries its sources list: the templates were found and ran to the end.
    assertThat(Files.readString(out.resolve("ops-reviews/2026-11-23.md"))).contains("[^1]:");
  }

  private static String version() {
    try (Stream<Path> s = Files.list(MODULE_PATH)) {
      String name = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("companyos-cli-")).findFirst()
          .orElseThrow(() -> new AssertionError("no companyos-cli jar in " + MODULE_PATH));
      return name.substring("companyos-cli-".length(), name.length() - ".jar".length());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
