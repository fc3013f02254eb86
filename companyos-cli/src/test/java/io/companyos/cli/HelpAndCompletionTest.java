package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help that reads whole, and a completion script a shell accepts. */
class HelpAndCompletionTest {

  private static void collect(CommandLine cmd, List<CommandLine> into) {
    into.add(cmd);
    cmd.getSubcommands().values().stream().distinct().forEach(c -> collect(c, into));
  }

  private static List<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(new CommandLine(new CompanyOsCommand()), all);
    return all;
  }

  @Test
  void theLineEachCommandIsListedWithIsAWholeSentence() {
    List<CommandLine> all = everyCommand();
    assertThat(all).extracting(c -> c.getCommandSpec().qualifiedName())
        .contains("companyos render", "companyos score dora", "companyos generate-completion");
    for (CommandLine c : all) {
      String[] description = c.getCommandSpec().usageMessage().description();
      if (description.length == 0) {
        continue; // picocli's own help and completion commands describe themselves in a header
      }
      // The parent's command list shows only the first line: it must not stop mid-sentence ("..., RACI,").
      assertThat(description[0].strip()).as(c.getCommandSpec().qualifiedName()).endsWith(".");
    }
  }

  @Test
  void theTopLevelListShowsNoCutSentence() {
    MainTest.Result r = MainTest.run("--help");
    assertThat(r.code()).isZero();
    String commands = r.out().substring(r.out().indexOf("Commands:"));
    // Each entry's text (possibly wrapped over several lines) ends with a full stop before the next entry.
    for (String entry : commands.split("\n  (?=[a-z])")) {
      if (entry.startsWith("Commands:")) {
        continue;
      }
      assertThat(entry.strip()).as(entry).endsWith(".");
    }
  }

  @Test
  void generatesACompletionScriptThatBashLoads(@TempDir Path dir) throws Exception {
    MainTest.Result r = MainTest.run("generate-completion");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("render", "--as-of", "score", "dora");
    Path script = dir.resolve("companyos-completion.sh");
    Files.writeString(script, r.out(), StandardCharsets.UTF_8);
    Process bash = new ProcessBuilder("bash", "-c", "source \"$1\" && complete -p companyos", "bash", script.toString())
        .redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(out).isZero();
    assertThat(out).contains("complete").contains("companyos");
  }
}
