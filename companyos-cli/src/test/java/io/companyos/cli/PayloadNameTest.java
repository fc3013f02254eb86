package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadNameTest {

  @Test
  void destinationsThatReduceToTheSameNameGetDistinctFiles() {
    Set<String> used = new HashSet<>();
    // '+' and ' ' both become '_': the second address would overwrite the first without the key suffix.
    assertThat(DeliverCommand.payloadName("ops-review", "email", "ops+x@example.com", "0123456789abcdef01234567", "eml", used))
        .isEqualTo("ops-review-email-ops_x@example.com.eml");
    assertThat(DeliverCommand.payloadName("ops-review", "email", "ops_x@example.com", "fedcba9876543210fedcba98", "eml", used))
        .isEqualTo("ops-review-email-ops_x@example.com-fedcba98.eml");
    // Names that differ only in case collide on case-insensitive file systems.
    assertThat(DeliverCommand.payloadName("ops-review", "email", "OPS_X@example.com", "fedcba9876543210fedcba98", "eml", used))
        .isEqualTo("ops-review-email-OPS_X@example.com-fedcba98-2.eml");
    assertThat(DeliverCommand.payloadName("ops-review", "slack", "#ops-review", "aaaaaaaa", "json", used))
        .isEqualTo("ops-review-slack-ops-review.json");
    // Path separators and dots never leave the folder.
    assertThat(DeliverCommand.payloadName("ops-review", "dashboard", "/../../etc", "bbbbbbbb", "html", used))
        .isEqualTo("ops-review-dashboard-etc.html");
  }
}
