package io.companyos.examples.start.plugin;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** One successful deployment a day at midnight UTC over the last {@code days} days: a stand-in for a real system. */
public final class DailyDeploySource implements MetricSource {
  private final String id;
  private final int days;
  private final Clock clock;

  DailyDeploySource(String id, int days, Clock clock) {
    this.id = id;
    this.days = days;
    this.clock = clock;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    return SourceDescription.of(DailyDeploySourceProvider.TYPE, RecordKind.DEPLOYMENTS);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    if (!kind.equals(RecordKind.DEPLOYMENTS)) {
      return MetricSource.super.records(kind, window); // a typed UnsupportedQueryException
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Deployment> rows = new ArrayList<>();
    for (int ago = days - 1; ago >= 0; ago--) {
      Instant at = today.minusDays(ago).atStartOfDay(ZoneOffset.UTC).toInstant();
      rows.add(new Deployment("deploy-" + at, at, List.of(), DeployStatus.SUCCESS));
    }
    // Keeps the rows of the window, checks their type and counts them: no cast, no hand-made row count.
    return Dataset.inWindow(kind, rows, Provenance.of(id, kind.name(), window, clock.instant()));
  }
}
