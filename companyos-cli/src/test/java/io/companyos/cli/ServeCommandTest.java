package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code companyos serve}: bad input is refused before anything listens, with one located line. */
class ServeCommandTest {

  @Test
  void aMalformedUsersFileIsOneLocatedLineAndExitCode1(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.yaml");
    Files.writeString(users, "users:\n  - user: ann\n    password: \"$2a$10$nmJKnqnu0hFTVWGnfL9nxu7oaQc0w1czNs.iOEC.4Rh/2pfEIxfcS\"\n"
        + "    roles: [ceo, chief_of_fun]\n");
    MainTest.Result r = MainTest.run("serve", "--users", users.toString(), "--port", "0");
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    // Line 4, column 18: the unknown role inside the flow list.
    assertThat(r.err()).contains(users + ":4:18: COS-SRV-003 unknown role 'chief_of_fun'").doesNotContain("Exception");
  }

  @Test
  void aPasswordInPlaceOfAHashIsRefusedWithoutQuotingIt(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.yaml");
    Files.writeString(users, "users:\n  - user: ann\n    password: hunter2-secret\n    roles: [ceo]\n");
    MainTest.Result r = MainTest.run("serve", "--users", users.toString(), "--port", "0");
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err()).contains(users + ":3:15: COS-SRV-004").doesNotContain("hunter2");
  }

  @Test
  void theDemoUsersServeOnlyTheBuiltInSampleCompany(@TempDir Path dir) {
    MainTest.Result init = MainTest.run("init", dir.resolve("acme").toString());
    assertThat(init.code()).isZero();
    MainTest.Result r = MainTest.run("serve", "--config", dir.resolve("acme").toString(), "--port", "0");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("give --users FILE");
  }

  @Test
  void oidcNeedsItsClientId() {
    MainTest.Result r = MainTest.run("serve", "--oidc-issuer", "https://id.example.com", "--port", "0");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--oidc-issuer needs --oidc-client-id");
  }
}
