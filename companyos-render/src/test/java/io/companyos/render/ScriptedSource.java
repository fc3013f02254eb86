package io.companyos.render;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A test source that holds fixed rows for some record kinds, or misbehaves on purpose: it can throw
 * for every query or sleep longer than any section timeout.
 */
final class ScriptedSource implements MetricSource {
  enum Mode { ANSWER, THROW, SLEEP }

  private final String id;
  private final Mode mode;
  private final Map<RecordKind<?>, List<?>> rows;

  ScriptedSource(String id, Mode mode, Map<RecordKind<?>, List<?>> rows) {
    this.id = id;
    this.mode = mode;
    this.rows = Map.copyOf(rows);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    return new SourceDescription("scripted", rows.keySet().stream().map(RecordKind::name).collect(java.util.stream.Collectors.toSet()),
        List.of());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    if (mode == Mode.THROW) {
      throw new SourceUnavailableException(id, "connection refused", null);
    }
    if (mode == Mode.SLEEP) {
      try {
        Thread.sleep(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<T> in = ((List<T>) rows.getOrDefault(kind, List.of())).stream().filter(r -> window.contains(kind.timeOf(r))).toList();
    return new Dataset<>(in, new Provenance(id, kind.name(), window, Instant.parse("2026-11-23T09:00:00Z"), in.size()));
  }
}
