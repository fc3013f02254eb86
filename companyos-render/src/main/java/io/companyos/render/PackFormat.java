package io.companyos.render;

import java.util.Locale;
import java.util.Optional;

/** The output formats of a pack, with the file extension each is written with. */
public enum PackFormat {
  /** Markdown, from the built-in or the company's own template. */
  MD("md"),
  /** A standalone HTML page, from the built-in template. */
  HTML("html"),
  /** The pack as JSON data (see docs/pack-json.md). */
  JSON("json");

  private final String extension;

  PackFormat(String extension) {
    this.extension = extension;
  }

  /**
   * The file extension the format is written with.
   *
   * @return the extension without the dot ({@code md})
   */
  public String extension() {
    return extension;
  }

  /**
   * Parses {@code md}, {@code html} or {@code json}, case-insensitive, ignoring surrounding white space.
   *
   * @param text the name as a user wrote it
   * @return the format, or empty when {@code text} names none
   */
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
