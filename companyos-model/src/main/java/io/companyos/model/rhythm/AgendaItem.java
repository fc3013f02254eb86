package io.companyos.model.rhythm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.Objects;

/** One time-boxed agenda point of a meeting, such as "Incident Review (10 min)". */
public record AgendaItem(@NotBlank String title, @Positive int minutes, String description) {
  public AgendaItem {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
  }
}
