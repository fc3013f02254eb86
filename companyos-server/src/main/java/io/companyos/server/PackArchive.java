package io.companyos.server;

import io.companyos.render.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The packs already written to a folder by {@code companyos render --out DIR} (the seed's {@code docs/meetings/}):
 * {@code <kind>/<stem>.<extension>}, where the kind is the pack's plural ({@link ArtifactStore#kindDirectory}), the
 * stem its date ({@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY-QN}, with a {@code .vN} suffix for a later version
 * of the same date) and the extension one of the installed exporters'.
 *
 * <p>A file is found only by listing its folder, never by resolving a name from a request, so no request reaches a
 * file outside the archive; links, hidden files and names that are not a pack's are ignored.
 */
public final class PackArchive {
  private static final Pattern STEM = Pattern.compile("\\d{4}-(\\d{2}(-\\d{2})?|Q[1-4])(\\.v\\d{1,4})?");

  private final @Nullable Path root;
  private final List<String> extensions;

  /**
   * An archive at {@code root} ({@code null}: none) holding files with one of {@code extensions} (e.g. {@code md},
   * {@code notion.json}).
   */
  public PackArchive(@Nullable Path root, List<String> extensions) {
    this.root = root;
    // Longest first, so that "a.notion.json" is a notion.json file, not a json one.
    this.extensions = extensions.stream().sorted(Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder())).toList();
  }

  /** Whether a folder was given. */
  public boolean configured() {
    return root != null;
  }

  /**
   * The stored copies of pack {@code packId}: stem → the extensions written for it, newest stem first; empty when
   * there is no archive or no folder for the pack.
   */
  public Map<String, List<String>> stored(String packId) {
    Map<String, TreeSet<String>> found = new TreeMap<>(Comparator.reverseOrder());
    if (root == null) {
      return Map.of();
    }
    Path dir = root.resolve(ArtifactStore.kindDirectory(packId));
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Map.of();
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String name = f.getFileName().toString();
        for (String ext : extensions) {
          if (name.endsWith("." + ext)) {
            String stem = name.substring(0, name.length() - ext.length() - 1);
            if (STEM.matcher(stem).matches()) {
              found.computeIfAbsent(stem, s -> new TreeSet<>()).add(ext);
            }
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the pack archive folder " + dir.getFileName(), e);
    }
    Map<String, List<String>> out = new TreeMap<>(Comparator.reverseOrder());
    found.forEach((stem, exts) -> out.put(stem, List.copyOf(exts)));
    return out;
  }

  /**
   * The stored file of pack {@code packId} named {@code fileName} ({@code <stem>.<extension>}), when the archive
   * lists it.
   */
  public Optional<Stored> file(String packId, String fileName) {
    Path r = root;
    if (r == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, List<String>> e : stored(packId).entrySet()) {
      for (String ext : e.getValue()) {
        if (fileName.equals(e.getKey() + "." + ext)) {
          return Optional.of(new Stored(e.getKey(), ext,
              r.resolve(ArtifactStore.kindDirectory(packId)).resolve(fileName)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * One stored pack file.
   *
   * @param stem its date stem
   * @param extension its exporter's file extension
   * @param path where it is
   */
  public record Stored(String stem, String extension, Path path) {
    /** The file's bytes, as written. */
    public byte[] bytes() {
      try {
        return Files.readAllBytes(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the archived pack " + path.getFileName(), e);
      }
    }
  }
}
