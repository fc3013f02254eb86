package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitCode2() {
    Result r = run("--no-such-option");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--no-such-option").doesNotContain("Exception");
  }

  @Test
  void aFullHeapIsOneLineWithItsCodeTheHeapsSizeAndTheFlagToRaiseIt() {
    // As a worker thread's error arrives at the handler: wrapped.
    Throwable wrapped = new java.util.concurrent.ExecutionException(new RuntimeException(new OutOfMemoryError("Java heap space")));
    assertThat(Main.outOfMemoryIn(wrapped)).hasMessage("Java heap space");
    assertThat(Main.outOfMemoryIn(new IllegalStateException(new java.io.IOException("disk full")))).isNull();

    StringWriter err = new StringWriter();
    int code = Main.outOfMemory(wrapped, new PrintWriter(err), false);
    assertThat(code).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(err.toString().lines()).singleElement().satisfies(line -> assertThat(line)
        .startsWith("companyos: COS-CLI-002 the JVM's heap ran out of memory (its maximum is "
            + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)")
        .contains("COMPANYOS_JAVA_OPTS=-Xmx4g"));
    StringWriter debug = new StringWriter();
    Main.outOfMemory(wrapped, new PrintWriter(debug), true);
    assertThat(debug.toString()).contains("OutOfMemoryError: Java heap space").contains("\tat ");
  }

  @Test
  void helpListsTheCommandAndExitsZero() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("companyos");
  }
}
