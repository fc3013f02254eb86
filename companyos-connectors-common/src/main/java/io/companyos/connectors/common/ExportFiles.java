package io.companyos.connectors.common;

import io.companyos.sources.SourceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files an export connector reads from its configured path: the file itself, or every regular file under the folder
 * whose name ends in one of the connector's extensions, hidden files and folders (a name starting with a dot) left out,
 * in the order of their names relative to the folder, which is also how provenance and errors name them.
 */
public final class ExportFiles {
  private ExportFiles() {}

  /**
   * The name of {@code file} as provenance and errors write it: relative to {@code root} with {@code /} separators when
   * {@code root} is a folder, else the file's own name.
   *
   * @param root the configured file or folder
   * @param file a file of {@link #list}
   * @return the name
   */
  public static String name(Path root, Path file) {
    if (Files.isDirectory(root)) {
      return root.relativize(file).toString().replace('\\', '/');
    }
    return file.getFileName().toString();
  }

  /**
   * The files to read.
   *
   * @param sourceId the source, named in the errors
   * @param root the configured file or folder
   * @param extensions the file-name endings read in a folder, lower case with their dot ({@code ".json"})
   * @return {@code root} when it is a file, else the matching files under it by name
   * @throws SourceUnavailableException when {@code root} does not exist or cannot be listed
   */
  public static List<Path> list(String sourceId, Path root, String... extensions) {
    if (!Files.exists(root)) {
      throw new SourceUnavailableException(sourceId, "no file or folder " + root, null);
    }
    if (!Files.isDirectory(root)) {
      return List.of(root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root) && Files.isRegularFile(p) && !hidden(root.relativize(p)) && endsWith(p, extensions))
          .sorted((a, b) -> name(root, a).compareTo(name(root, b))).toList();
    } catch (IOException e) {
      throw new SourceUnavailableException(sourceId, "cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private static boolean endsWith(Path p, String... extensions) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String e : extensions) {
      if (n.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
