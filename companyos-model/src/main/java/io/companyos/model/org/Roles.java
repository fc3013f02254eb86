package io.companyos.model.org;

import jakarta.validation.Valid;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every role the company defines, so references can be checked and groups expanded: a dashboard
 * open to {@code leadership} is open to the CEO.
 */
public record Roles(List<@Valid Role> roles) {

  public Roles {
    roles = List.copyOf(roles);
    Map<String, Role> byId = new LinkedHashMap<>();
    for (Role r : roles) {
      if (byId.put(r.id(), r) != null) {
        throw new IllegalArgumentException("role '" + r.id() + "' appears twice");
      }
    }
  }

  /** The role with {@code id}, if defined. */
  public Optional<Role> find(String id) {
    return roles.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** True when {@code id} is defined. */
  public boolean contains(String id) {
    return find(id).isPresent();
  }

  /** All role ids in definition order. */
  public List<String> ids() {
    return roles.stream().map(Role::id).toList();
  }

  /**
   * {@code id} and every role it includes, transitively (cycles are tolerated and visited once).
   * Unknown ids expand to themselves.
   */
  public Set<String> expand(String id) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        find(next).ifPresent(r -> todo.addAll(r.includes()));
      }
    }
    return seen;
  }

  /** True when a person holding {@code role} is covered by any of {@code allowed} (directly or via a group). */
  public boolean allows(List<String> allowed, String role) {
    return allowed.stream().anyMatch(a -> expand(a).contains(role));
  }
}
