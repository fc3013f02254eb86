package io.companyos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.base.CompanyOsException;
import io.companyos.model.org.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The users file: what it accepts, and one located line for each thing it refuses. */
class UsersFileTest {
  static final Roles ROLES = BuiltinDefinitions.load().roles();
  static final String HASH = "$2a$10$nmJKnqnu0hFTVWGnfL9nxu7oaQc0w1czNs.iOEC.4Rh/2pfEIxfcS";

  static String oneLine(String yaml) {
    try {
      UsersFile.parse(yaml, "users.yaml", ROLES);
    } catch (CompanyOsException e) {
      return e.oneLine();
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void readsUsersWithTheirRolesInOrder() {
    UsersFile f = UsersFile.parse("users:\n  - user: ann\n    password: \"" + HASH + "\"\n    roles: [cfo, finops_lead]\n"
        + "  - user: bob\n    password: '" + HASH.replace("$2a$", "$2y$") + "'\n    roles:\n      - sre_lead\n", "users.yaml", ROLES);
    assertThat(f.users().keySet()).containsExactly("ann", "bob");
    assertThat(f.find("ann").orElseThrow().roles()).containsExactly("cfo", "finops_lead");
    assertThat(f.find("bob").orElseThrow().roles()).containsExactly("sre_lead");
    assertThat(f.find("carol")).isEmpty();
    assertThat(f.find("ann").orElseThrow().toString()).doesNotContain(HASH);
  }

  @Test
  void theDemoUsersSignInWithTheirDocumentedPasswords() {
    UsersFile demo = UsersFile.demo(ROLES);
    assertThat(demo.users().keySet()).containsExactly("ceo", "cto", "ciso", "cfo", "vp-eng", "sre", "security", "finops",
        "product");
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    for (UsersFile.User u : demo.users().values()) {
      assertThat(bcrypt.matches(u.name() + "-demo", u.passwordHash())).as(u.name()).isTrue();
      assertThat(bcrypt.matches(u.name(), u.passwordHash())).as(u.name()).isFalse();
    }
    assertThat(demo.find("sre").orElseThrow().roles()).isEqualTo(List.of("sre_lead"));
  }

  @Test
  void everyRefusalIsOneLocatedLine() {
    assertThat(oneLine("users: [\n")).startsWith("users.yaml:2:1: COS-SRV-001 not well-formed YAML");
    assertThat(oneLine("people: []\n")).startsWith("users.yaml:1:1: COS-SRV-002 unknown key 'people'");
    assertThat(oneLine("users:\n  - user: ann\n    roles: [ceo]\n")).startsWith("users.yaml:2:5: COS-SRV-002 missing key 'password'");
    assertThat(oneLine("users:\n  - user: ann\n    password: \"" + HASH + "\"\n    roles: [ceo]\n    email: a@b\n"))
        .startsWith("users.yaml:5:5: COS-SRV-002 unknown key 'email'");
    assertThat(oneLine("users:\n  - user: ann\n    password: \"" + HASH + "\"\n    roles: []\n"))
        .startsWith("users.yaml:4:12: COS-SRV-002 'roles' of 'ann' must be a non-empty list");
    assertThat(oneLine("users:\n  - user: ann\n    password: \"" + HASH + "\"\n    roles: [ceo]\n"
        + "  - user: ann\n    password: \"" + HASH + "\"\n    roles: [cfo]\n"))
        .startsWith("users.yaml:5:11: COS-SRV-005 the user 'ann' twice");
    assertThat(oneLine("users:\n  - user: ann\n    password: \"$2a$10$short\"\n    roles: [ceo]\n"))
        .startsWith("users.yaml:3:15: COS-SRV-004").doesNotContain("$2a$10$short");
  }
}
