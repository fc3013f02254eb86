package io.companyos.render;

import java.util.Locale;
import java.util.Optional;

/** The output formats of a pack, with the file extension each is written with. */
public enum PackFormat {
  MD("md"),
  HTML("html"),
  JSON("json");

  private final String extension;

  PackFormat(String extension) {
    this.extension = extension;
  }

  /** File extension without the dot. */
  public String extension() {
    return extension;
  }

  /** Parses {@code md}, {@code html} or {@code json} (case-insensitive). */
  public static Optional<PackFormat> parse(String text) {
    for (PackFormat f : values()) {
      if (f.extension.equalsIgnoreCase(text.strip()) || f.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
