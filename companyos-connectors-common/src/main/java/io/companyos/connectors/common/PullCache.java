package io.companyos.connectors.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.model.base.OutputFiles;
import io.companyos.sources.SourceUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The folder a live pull keeps what it fetched in, as the export files the connector reads anyway: one file per list
 * ({@code incidents.json}, {@code deployments.json}, …), each entry once (by its id; of two versions the one updated
 * last), in id order, written atomically. The time of the last complete sync is kept in {@code .companyos-sync}, so
 * the next sync asks only for what changed since (less an overlap). A sync that fails leaves the files as they were,
 * except lists it had already merged, which only gain entries.
 */
public final class PullCache {
  /** The file holding the time of the last complete sync. */
  public static final String SYNC_FILE = ".companyos-sync";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String sourceId;
  private final Path dir;

  /**
   * The cache in {@code dir}, created when first written.
   *
   * @param sourceId the source's id, for errors
   * @param dir the folder
   */
  public PullCache(String sourceId, Path dir) {
    this.sourceId = sourceId;
    this.dir = dir;
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /**
   * When the last complete sync started.
   *
   * @return its time, or empty before the first sync (or when the file cannot be read)
   */
  public Optional<Instant> lastSync() {
    Path f = dir.resolve(SYNC_FILE);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(Files.readString(f, StandardCharsets.UTF_8).strip()));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Records a complete sync that started at {@code at}.
   *
   * @param at the sync's start
   */
  public void synced(Instant at) {
    write(SYNC_FILE, (at + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Merges {@code items} into the list file {@code fileName}: a JSON array, or, with {@code member}, an object whose
   * {@code member} holds the array (with {@code extra}'s other members, e.g. PagerDuty's {@code "more": false}).
   *
   * @param fileName the file, e.g. {@code incidents.json}
   * @param member the object member holding the list, or null for a bare array
   * @param extra other members of the object (ignored for a bare array)
   * @param items the entries fetched
   * @param idField the member that identifies an entry
   * @param updatedField the member holding an entry's last update time (ISO-8601), or null: the fetched one wins
   * @return the number of entries in the file after the merge
   */
  public int merge(String fileName, @Nullable String member, Map<String, Object> extra, List<JsonNode> items, String idField,
      @Nullable String updatedField) {
    Map<String, JsonNode> byId = new TreeMap<>();
    Path f = dir.resolve(fileName);
    if (Files.isRegularFile(f)) {
      try {
        JsonNode old = JSON.readTree(f.toFile());
        JsonNode list = member == null ? old : old.path(member);
        for (JsonNode n : list) {
          byId.put(n.path(idField).asText(), n);
        }
      } catch (IOException e) {
        // A damaged cache file is fetched anew: the entries of this sync replace it.
        byId.clear();
      }
    }
    for (JsonNode n : items) {
      String id = n.path(idField).asText();
      JsonNode old = byId.get(id);
      if (old == null || updatedField == null || !updated(old, updatedField).isAfter(updated(n, updatedField))) {
        byId.put(id, n);
      }
    }
    ArrayNode array = JSON.createArrayNode();
    byId.values().forEach(array::add);
    JsonNode out = array;
    if (member != null) {
      ObjectNode o = JSON.createObjectNode();
      o.set(member, array);
      extra.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
      out = o;
    }
    try {
      write(fileName, JSON.writeValueAsBytes(out));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return byId.size();
  }

  private static Instant updated(JsonNode n, String field) {
    try {
      return Instant.parse(n.path(field).asText());
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }

  private void write(String fileName, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      OutputFiles.replace(dir.resolve(fileName), bytes);
    } catch (IOException e) {
      throw new SourceUnavailableException(sourceId, "cannot write the pull cache " + dir.resolve(fileName) + ": "
          + e.getMessage(), e);
    }
  }

  /** Each entry of {@code page} (an array, or the array {@code member} of an object). */
  public static List<JsonNode> entries(JsonNode page, @Nullable String member) {
    JsonNode list = member == null ? page : page.path(member);
    List<JsonNode> out = new ArrayList<>();
    list.forEach(out::add);
    return out;
  }
}
