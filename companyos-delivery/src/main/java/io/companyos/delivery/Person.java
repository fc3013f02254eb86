package io.companyos.delivery;

import java.util.List;
import java.util.Objects;

/** Someone who can receive a pack: an e-mail address, a display name and the roles they hold. */
public record Person(String email, String name, List<String> roles) {
  public Person {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    roles = List.copyOf(roles);
  }
}
