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
  void helpListsTheCommandAndExitsZero() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("companyos");
  }
}
