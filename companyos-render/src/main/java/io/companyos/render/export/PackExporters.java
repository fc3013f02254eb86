package io.companyos.render.export;

import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The exporters an application can use: the built-in Markdown, HTML and JSON renderings plus every
 * {@link PackExporter} found on the class path or module path. Lookup is by {@link
 * PackExporter#format()}; a plug-in cannot replace a built-in format, and two plug-ins claiming the
 * same format are an error naming both classes.
 */
public final class PackExporters {
  private final Map<String, PackExporter> byFormat;

  private PackExporters(Map<String, PackExporter> byFormat) {
    this.byFormat = Collections.unmodifiableMap(byFormat);
  }

  /**
   * Built-ins plus the exporters {@link ServiceLoader} finds for {@code loader}.
   *
   * @param loader the class loader to search
   * @return the exporters
   * @throws IllegalStateException if two exporters of different classes claim the same format, a built-in one
   *     included
   */
  public static PackExporters discover(ClassLoader loader) {
    return of(new PackRenderer(), plugins(loader));
  }

  /**
   * As {@link #discover()}, with md, html and json written by {@code renderer} (e.g. one with template overrides).
   *
   * @param renderer writes the built-in formats
   * @return the exporters
   * @throws IllegalStateException if two exporters of different classes claim the same format, a built-in one
   *     included
   */
  public static PackExporters discover(PackRenderer renderer) {
    return of(renderer, plugins(defaultLoader()));
  }

  private static List<PackExporter> plugins(ClassLoader loader) {
    return ServiceLoader.load(PackExporter.class, loader).stream().map(ServiceLoader.Provider::get).toList();
  }

  private static ClassLoader defaultLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : PackExporters.class.getClassLoader();
  }

  /**
   * Built-ins plus the exporters visible to this module (module path) or the context class loader.
   *
   * @return the exporters
   * @throws IllegalStateException if two exporters of different classes claim the same format, a built-in one
   *     included
   */
  public static PackExporters discover() {
    return discover(defaultLoader());
  }

  /**
   * Built-ins plus {@code plugins}, for embedders that wire exporters by hand.
   *
   * @param plugins the exporters beyond md, html and json
   * @return the exporters
   * @throws IllegalStateException if two exporters of different classes claim the same format, a built-in one
   *     included
   */
  public static PackExporters of(List<? extends PackExporter> plugins) {
    return of(new PackRenderer(), plugins);
  }

  /**
   * As {@link #of(List)}, with md, html and json written by {@code renderer}.
   *
   * @param renderer writes the built-in formats
   * @param plugins the exporters beyond md, html and json
   * @return the exporters
   * @throws IllegalStateException if two exporters of different classes claim the same format, a built-in one
   *     included
   */
  public static PackExporters of(PackRenderer renderer, List<? extends PackExporter> plugins) {
    Map<String, PackExporter> all = new LinkedHashMap<>();
    for (PackFormat f : PackFormat.values()) {
      all.put(f.extension(), new TextExporter(renderer, f));
    }
    for (PackExporter e : plugins) {
      String key = e.format().toLowerCase(Locale.ROOT);
      PackExporter before = all.putIfAbsent(key, e);
      if (before != null && before != e && !before.getClass().equals(e.getClass())) {
        throw new IllegalStateException("format '" + key + "' is provided by both "
            + before.getClass().getName() + " and " + e.getClass().getName());
      }
    }
    return new PackExporters(all);
  }

  /**
   * The exporter of a format.
   *
   * @param format the format name ({@code pdf}), case-insensitive, surrounding white space ignored
   * @return the exporter, or empty when none writes the format
   */
  public Optional<PackExporter> find(String format) {
    return Optional.ofNullable(byFormat.get(format.strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * Every available format name.
   *
   * @return the names, lower case, built-ins first ({@code md}, {@code html}, {@code json}), then the plug-ins in the
   *     order they were found
   */
  public List<String> formats() {
    return new ArrayList<>(byFormat.keySet());
  }

  /** Markdown, HTML and JSON through {@link PackRenderer}, as UTF-8. */
  private record TextExporter(PackRenderer renderer, PackFormat kind) implements PackExporter {
    @Override
    public String format() {
      return kind.extension();
    }

    @Override
    public String fileExtension() {
      return kind.extension();
    }

    @Override
    public String mediaType() {
      return switch (kind) {
        case MD -> "text/markdown; charset=utf-8";
        case HTML -> "text/html; charset=utf-8";
        case JSON -> "application/json";
      };
    }

    @Override
    public void export(io.companyos.render.PackDocument doc, java.io.OutputStream out) throws java.io.IOException {
      out.write(renderer.render(doc, kind).getBytes(StandardCharsets.UTF_8));
    }
  }
}
