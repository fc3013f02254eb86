package io.companyos.schedule.check;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.model.CompanyOsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the runner remembers between runs (so that cron-driven {@code check --once} runs de-duplicate):
 * per check, its last status, since when, and when it last notified. Kept in a small JSON file written
 * atomically; {@link #inMemory()} for embedding and tests.
 */
public final class CheckStateStore {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The remembered state of one check. */
  public record State(CheckStatus status, Instant since, @Nullable Instant lastNotified) {}

  private final @Nullable Path file;
  private final Map<String, State> states;

  private CheckStateStore(@Nullable Path file, Map<String, State> states) {
    this.file = file;
    this.states = states;
  }

  public static CheckStateStore inMemory() {
    return new CheckStateStore(null, new TreeMap<>());
  }

  /** Reads {@code file} if it exists; a corrupt file is an error, not a silent reset. */
  public static CheckStateStore file(Path file) {
    if (!Files.exists(file)) {
      return new CheckStateStore(file, new TreeMap<>());
    }
    try {
      Map<String, Map<String, String>> raw = JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Map<String, String>>>() {});
      Map<String, State> states = new TreeMap<>();
      raw.forEach((k, v) -> states.put(k, new State(CheckStatus.valueOf(v.get("status")), Instant.parse(v.get("since")),
          v.get("last_notified") == null ? null : Instant.parse(v.get("last_notified")))));
      return new CheckStateStore(file, states);
    } catch (IOException | RuntimeException e) {
      throw new CompanyOsException("COS-CHK-003", "cannot read the health-check state: " + e.getMessage(), file.toString(),
          "delete the file to start afresh (checks then notify again)");
    }
  }

  public Optional<State> get(String check) {
    return Optional.ofNullable(states.get(check));
  }

  public void put(String check, State state) {
    states.put(check, state);
  }

  /** Writes the file (temp file + atomic move); does nothing in memory. */
  public void save() {
    if (file == null) {
      return;
    }
    Map<String, Map<String, String>> raw = new TreeMap<>();
    states.forEach((k, s) -> {
      Map<String, String> m = new TreeMap<>();
      m.put("status", s.status().name());
      m.put("since", s.since().toString());
      if (s.lastNotified() != null) {
        m.put("last_notified", s.lastNotified().toString());
      }
      raw.put(k, m);
    });
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".health-state", ".tmp");
      JSON.writeValue(tmp.toFile(), raw);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CompanyOsException("COS-CHK-004", "cannot write the health-check state: " + e.getMessage(), file.toString(), null);
    }
  }
}
