package io.companyos.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.Change;
import io.companyos.model.source.SourceSpec;
import io.companyos.model.time.TimeWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SourceRegistryTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
  static final TimeWindow W = TimeWindow.ending(T, Duration.ofDays(1));

  /** A provider whose sources count calls and can be told to fail or stall. */
  static class ScriptedProvider implements MetricSourceProvider {
    final String id;
    final AtomicInteger calls = new AtomicInteger();
    volatile int failFirst;
    volatile long sleepMillis;
    volatile SourceContext seen;

    ScriptedProvider(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public MetricSource create(SourceContext context) {
      seen = context;
      return new MetricSource() {
        @Override
        public String id() {
          return context.sourceId();
        }

        @Override
        public SourceDescription describe() {
          return new SourceDescription(id, Set.of("changes"), List.of());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
          if (calls.incrementAndGet() <= failFirst) {
            throw new SourceUnavailableException(context.sourceId(), "connection refused", null);
          }
          if (sleepMillis > 0) {
            try {
              Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          List<T> rows = (List<T>) List.of(new Change("c1", window.start()));
          return new Dataset<>(rows, new Provenance(context.sourceId(), kind.name(), window, T, 1));
        }
      };
    }
  }

  /** Registered in test META-INF/services to prove class-path discovery. */
  public static final class DiscoveredProvider extends ScriptedProvider {
    public DiscoveredProvider() {
      super("discovered-test");
    }
  }

  static final class OtherProvider extends ScriptedProvider {
    OtherProvider() {
      super("files");
    }
  }

  @Test
  void discoversProvidersFromTheClassPath() {
    assertThat(SourceRegistry.discover().types()).contains("discovered-test");
  }

  @Test
  void duplicateIdsAreRefusedNamingBothClasses() {
    assertThatThrownBy(() -> SourceRegistry.of(List.of(new ScriptedProvider("files"), new OtherProvider())))
        .isInstanceOf(SourceConfigException.class)
        .hasMessageContaining("'files'")
        .hasMessageContaining(ScriptedProvider.class.getName())
        .hasMessageContaining(OtherProvider.class.getName());
  }

  /** Replaces the built-in {@code files} type: a higher priority than the default 0. */
  static final class PreferredFilesProvider extends ScriptedProvider {
    PreferredFilesProvider() {
      super("files");
    }

    @Override
    public int priority() {
      return 10;
    }
  }

  @Test
  void theHigherPriorityServesAnIdAndTheOtherIsNamedInTheNotices() {
    ScriptedProvider builtIn = new ScriptedProvider("files");
    PreferredFilesProvider preferred = new PreferredFilesProvider();
    SourceRegistry r = SourceRegistry.of(List.of(builtIn, preferred), name -> null);
    assertThat(r.provider("files")).isSameAs(preferred);
    assertThat(r.notices()).containsExactly("metric-source provider " + ScriptedProvider.class.getName()
        + " (priority 0) is not used: 'files' is served by " + PreferredFilesProvider.class.getName()
        + " (priority 10)");
  }

  @Test
  void theOverridePropertyPicksAProviderOfEqualOrLowerPriority() {
    ScriptedProvider builtIn = new ScriptedProvider("files");
    OtherProvider other = new OtherProvider();
    java.util.Map<String, String> props = Map.of("companyos.sources.provider.files", OtherProvider.class.getName());
    SourceRegistry r = SourceRegistry.of(List.of(builtIn, other, new PreferredFilesProvider()), props::get);
    assertThat(r.provider("files")).isSameAs(other);
    assertThat(r.notices()).hasSize(2);
  }

  @Test
  void anOverrideNamingNoProviderOfTheIdIsRefused() {
    Map<String, String> props = Map.of("companyos.sources.provider.files", "com.example.Missing");
    assertThatThrownBy(() -> SourceRegistry.of(List.of(new ScriptedProvider("files")), props::get))
        .isInstanceOf(SourceConfigException.class)
        .hasMessageContaining("companyos.sources.provider.files names com.example.Missing, which is not a provider of 'files'");
  }

  @Test
  void aProviderThatCannotBeLoadedIsLeftOutAndReported() {
    // src/test/resources/META-INF/services names a class that does not exist after the one that does.
    SourceRegistry r = SourceRegistry.discover();
    assertThat(r.types()).contains("discovered-test");
    assertThat(r.notices()).anySatisfy(n -> assertThat(n)
        .startsWith("a metric-source provider could not be loaded and is left out")
        .contains("io.companyos.sources.NoSuchProvider"));
  }

  @Test
  void anUnknownTypeListsTheAvailableOnes() {
    SourceRegistry r = SourceRegistry.of(List.of(new ScriptedProvider("files"), new ScriptedProvider("sample")));
    assertThatThrownBy(() -> r.open(List.of(SourceSpec.of("x", "prometheus", Map.of())), CLOCK, Path.of(".")))
        .isInstanceOf(SourceConfigException.class)
        .hasMessageContaining("no metric-source provider of type 'prometheus'; available: files, sample");
  }

  @Test
  void sourcesAreCreatedLazilyWithTheirOptionsAndEnvironment() {
    ScriptedProvider p = new ScriptedProvider("files");
    Sources s = SourceRegistry.of(List.of(p)).open(
        List.of(SourceSpec.of("main", "files", Map.of("dir", "data", "token_env", "TOKEN"))), CLOCK, Path.of("/etc/co"),
        name -> name.equals("TOKEN") ? "secret" : null);
    assertThat(p.seen).isNull();
    assertThat(s.primary().id()).isEqualTo("main");
    assertThat(p.seen.option("dir")).contains("data");
    assertThat(p.seen.env("TOKEN")).contains("secret");
    assertThat(p.seen.baseDirectory()).isEqualTo(Path.of("/etc/co"));
    assertThatThrownBy(() -> s.get("other")).hasMessageContaining("configured: main");
    s.close();
  }

  @Test
  void unavailableSourcesAreRetriedThenSucceed() {
    ScriptedProvider p = new ScriptedProvider("files");
    p.failFirst = 2;
    Sources s = SourceRegistry.of(List.of(p)).open(
        List.of(new SourceSpec("main", "files", Map.of(), Duration.ofSeconds(5), 2)), CLOCK, Path.of("."));
    assertThat(s.primary().records(RecordKind.CHANGES, W).rows()).hasSize(1);
    assertThat(p.calls.get()).isEqualTo(3); // two failures, then the answer
    s.close();
  }

  @Test
  void retriesStopAtTheConfiguredCount() {
    ScriptedProvider p = new ScriptedProvider("files");
    p.failFirst = 5;
    Sources s = SourceRegistry.of(List.of(p)).open(
        List.of(new SourceSpec("main", "files", Map.of(), Duration.ofSeconds(5), 1)), CLOCK, Path.of("."));
    assertThatThrownBy(() -> s.primary().records(RecordKind.CHANGES, W)).isInstanceOf(SourceUnavailableException.class);
    assertThat(p.calls.get()).isEqualTo(2); // the first try and one retry
    s.close();
  }

  @Test
  void aSlowSourceTimesOutWithATypedError() {
    ScriptedProvider p = new ScriptedProvider("files");
    p.sleepMillis = 5_000;
    Sources s = SourceRegistry.of(List.of(p)).open(
        List.of(new SourceSpec("main", "files", Map.of(), Duration.ofMillis(100), 3)), CLOCK, Path.of("."));
    assertThatThrownBy(() -> s.primary().records(RecordKind.CHANGES, W))
        .isInstanceOf(SourceTimeoutException.class)
        .hasMessageContaining("timed out after 100 ms on: changes");
    assertThat(p.calls.get()).isEqualTo(1); // timeouts are not retried
    s.close();
  }
}
