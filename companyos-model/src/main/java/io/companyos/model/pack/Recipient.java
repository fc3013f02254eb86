package io.companyos.model.pack;

import jakarta.validation.constraints.NotBlank;
import java.util.Objects;

/** Who receives a pack, by role id ({@code - role: sre_team} in YAML). */
public record Recipient(@NotBlank String role) {
  public Recipient {
    Objects.requireNonNull(role, "role");
  }
}
