package io.companyos.server;

import io.companyos.model.base.CompanyOsException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Who viewed what, when, appended to two CSV files in one folder:
 *
 * <ul>
 *   <li>{@code dashboard_views.csv} ({@code timestamp,user_id,dashboard}): every dashboard page shown, in the
 *       {@code files} source's format, so the folder read as a source feeds the Dashboard Usage rhythm KPI;</li>
 *   <li>{@code access.csv} ({@code timestamp,user_id,outcome,path}): every dashboard, pack and export request with
 *       its outcome ({@code allowed} or {@code forbidden}).</li>
 * </ul>
 *
 * Only user names and paths are written: no passwords, tokens, session ids or query strings.
 */
public final class AuditLog {
  private final @Nullable Path dir;

  /** A log in {@code dir}, or none when {@code dir} is null. */
  public AuditLog(@Nullable Path dir) {
    this.dir = dir;
  }

  /** A dashboard page was shown to {@code user}. */
  public void dashboardView(Instant at, String user, String dashboardId) {
    append("dashboard_views.csv", "timestamp,user_id,dashboard", List.of(time(at), user, dashboardId));
  }

  /** {@code user} asked for {@code path}; {@code allowed} tells whether it was served. */
  public void access(Instant at, String user, String path, boolean allowed) {
    append("access.csv", "timestamp,user_id,outcome,path", List.of(time(at), user, allowed ? "allowed" : "forbidden", path));
  }

  private static String time(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private synchronized void append(String file, String header, List<String> fields) {
    if (dir == null) {
      return;
    }
    Path target = dir.resolve(file);
    try {
      Files.createDirectories(dir);
      boolean fresh = !Files.exists(target) || Files.size(target) == 0;
      try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND)) {
        if (fresh) {
          w.write(header + "\n");
        }
        w.write(fields.stream().map(AuditLog::csv).collect(Collectors.joining(",")) + "\n");
      }
    } catch (IOException e) {
      throw new CompanyOsException("COS-SRV-006", "cannot write the audit log: " + e.getMessage(), target.toString(),
          "check that the audit folder is writable", e);
    }
  }

  /** A CSV field: quoted when it holds a comma, quote or line break; line breaks become spaces. */
  static String csv(String value) {
    String v = value.replaceAll("[\\r\\n]+", " ");
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
