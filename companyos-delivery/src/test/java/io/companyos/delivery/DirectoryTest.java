package io.companyos.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.org.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryTest {
  private static final Roles ROLES = Packs.COMPANY.roles();

  @Test
  void recipientsAreResolvedThroughRoleGroups() {
    Directory d = Directory.parse("""
        # people
        email,name,roles
        a@example.com,Ann,sre_oncall
        b@example.com,Bo,ceo cfo
        c@example.com,Cy,customer_success
        """, "people.csv", ROLES);
    assertThat(d.people()).hasSize(3);
    assertThat(d.holding(List.of("sre_team"), ROLES)).extracting(Person::email).containsExactly("a@example.com");
    assertThat(d.holding(List.of("finance", "customer_success"), ROLES)).extracting(Person::email)
        .containsExactly("b@example.com", "c@example.com");
    assertThat(d.holding(List.of("product_team"), ROLES)).isEmpty();
  }

  @Test
  void theSampleDirectoryCoversEveryRecipientRoleOfEveryBuiltInPack() {
    Directory d = Directory.sample(ROLES);
    for (var pack : Packs.COMPANY.packs()) {
      for (String role : pack.recipientRoles()) {
        assertThat(d.holding(List.of(role), ROLES)).as("%s of %s", role, pack.id()).isNotEmpty();
      }
    }
  }

  @Test
  void problemsNameFileLineAndColumnWithAHint() {
    assertThatThrownBy(() -> Directory.parse("email,name,roles\na@example.com,Ann,sre_oncall wizard\n", "people.csv", ROLES))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.code()).isEqualTo("COS-DLV-001");
          assertThat(e.location()).isEqualTo("people.csv:2:30");
          assertThat(e.getMessage()).contains("unknown role 'wizard'");
          assertThat(e.hint()).contains("sre_team");
        });
    assertThatThrownBy(() -> Directory.parse("mail,name\n", "people.csv", ROLES))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.location()).isEqualTo("people.csv:1:1"));
    assertThatThrownBy(() -> Directory.parse("email,name,roles\nnot-an-address,Ann,ceo\n", "p.csv", ROLES))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.oneLine()).startsWith("p.csv:2:1: COS-DLV-001"));
    assertThatThrownBy(() -> Directory.parse("email,name,roles\na@x.io,A,ceo\nA@x.io,B,cto\n", "p.csv", ROLES))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> Directory.parse("email,name,roles\na@x.io,A,B,ceo\n", "p.csv", ROLES))
        .hasMessageContaining("expected 3 columns");
  }
}
