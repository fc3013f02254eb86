package io.companyos.examples.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.UnsupportedQueryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a release log such as a deployment tool might write:
 *
 * <pre>{@code
 * {"releases": [
 *   {"id": "r-1", "at": "2026-11-20T10:00:00Z", "failed": false,
 *    "commits": [{"sha": "a1b2", "at": "2026-11-19T16:00:00Z"}]}
 * ]}
 * }</pre>
 *
 * and answers {@code deployments} (one per release) and {@code changes} (one per commit).
 */
public final class ReleaseLogSource implements MetricSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The JSON shape, bound by Jackson. */
  record Log(List<Release> releases) {}

  record Release(String id, String at, boolean failed, List<Commit> commits) {}

  record Commit(String sha, String at) {}

  private final String id;
  private final Path file;
  private final Clock clock;
  private volatile @Nullable Log log;

  ReleaseLogSource(String id, Path file, Clock clock) {
    this.id = id;
    this.file = file;
    this.clock = clock;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    return SourceDescription.of("release-log", RecordKind.DEPLOYMENTS, RecordKind.CHANGES);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    List<Object> rows = new ArrayList<>();
    if (kind.equals(RecordKind.DEPLOYMENTS)) {
      for (Release r : log().releases()) {
        Instant at = instant(r.at(), "releases[].at");
        if (window.contains(at)) {
          rows.add(new Deployment(r.id(), at, r.commits().stream().map(Commit::sha).toList(),
              r.failed() ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
        }
      }
    } else if (kind.equals(RecordKind.CHANGES)) {
      for (Release r : log().releases()) {
        for (Commit c : r.commits()) {
          Instant at = instant(c.at(), "commits[].at");
          if (window.contains(at)) {
            rows.add(new Change(c.sha(), at));
          }
        }
      }
    } else {
      throw new UnsupportedQueryException(id, "records", kind.name());
    }
    return Dataset.of(kind, rows, Provenance.of(id, file.getFileName() + ": " + kind.name(), window, clock.instant()));
  }

  private Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (RuntimeException e) {
      throw new BadDataException(id, file.getFileName().toString(), 0, field, "'" + value + "' is not an ISO-8601 instant",
          "write times like 2026-11-20T10:00:00Z");
    }
  }

  private Log log() {
    Log l = log;
    if (l == null) {
      synchronized (this) {
        l = log;
        if (l == null) {
          l = read();
          log = l;
        }
      }
    }
    return l;
  }

  private Log read() {
    try {
      Log l = JSON.readValue(Files.readString(file), Log.class);
      if (l.releases() == null) {
        throw new BadDataException(id, file.getFileName().toString(), 1, "releases", "missing", "the file needs a 'releases' list");
      }
      return l;
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new BadDataException(id, file.getFileName().toString(), line, null, e.getOriginalMessage(), "check the JSON");
    } catch (IOException e) {
      throw new SourceUnavailableException(id, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
