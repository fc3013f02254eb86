package io.companyos.model.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Objects;

/**
 * A dashboard of the seed's "Dashboard URLs" table: where it lives and which roles may open it (its
 * access level).
 */
public record Dashboard(
    @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
    @NotBlank String name,
    @NotBlank @Pattern(regexp = "/\\S*") String url,
    @NotEmpty List<String> access) {

  public Dashboard {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    access = List.copyOf(access);
  }
}
