package io.companyos.model.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Objects;

/**
 * A role people hold (CTO, SRE lead) or a group of roles (leadership, engineering). Recipients,
 * owners, RACI columns and dashboard access all name roles by {@link #id()}; a group lists the
 * roles it {@link #includes()}.
 */
public record Role(@NotBlank @Pattern(regexp = ID_PATTERN) String id, @NotBlank String name, List<String> includes) {

  /** Role ids are snake_case, as in the seed's {@code sre_team}. */
  public static final String ID_PATTERN = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

  public Role {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    includes = List.copyOf(includes);
  }

  /** A single role that is not a group. */
  public static Role of(String id, String name) {
    return new Role(id, name, List.of());
  }

  /** True when this role is a group of other roles. */
  public boolean isGroup() {
    return !includes.isEmpty();
  }
}
