package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every error code the code can raise is explained in docs/errors.md, and the page names no code that does not exist. */
class ErrorCodesDocumentedTest {
  private static final Pattern CODE = Pattern.compile("\"(COS-[A-Z]+-\\d{3})\"");
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyCodeInTheSourcesIsDocumentedAndViceVersa() throws IOException {
    Set<String> inCode = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))::iterator) {
        Matcher m = CODE.matcher(Files.readString(f));
        while (m.find()) {
          inCode.add(m.group(1));
        }
      }
    }
    String page = Files.readString(ROOT.resolve("docs/errors.md"));
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("`(COS-[A-Z]+-\\d{3})`").matcher(page);
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertThat(inCode).hasSizeGreaterThan(50);
    assertThat(documented).as("codes raised by the code but missing from docs/errors.md").containsAll(inCode);
    assertThat(inCode).as("codes in docs/errors.md that nothing raises").containsAll(documented);
  }
}
