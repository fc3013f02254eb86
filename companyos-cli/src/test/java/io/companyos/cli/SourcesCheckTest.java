package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sources check}: per source and record kind, the rows and time range it holds, or why not; exit 1 on any failure. */
class SourcesCheckTest {
  @TempDir Path dir;

  @Test
  void everyKindOfTheSampleCompanyAnswersWithRowsUpToTheAsOf() {
    MainTest.Result r = MainTest.run("sources", "check");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("sample (sample)\n").endsWith("All sources answered.\n");
    // The sample's as-of is 2026-11-23T09:00:00Z: no row it serves is later.
    assertThat(r.out().lines().filter(l -> l.startsWith("  deployments\t")).findFirst().orElseThrow())
        .matches("  deployments\t\\d+ rows\t20\\d\\d-\\S+ \\.\\. 2026-11-2[0-3]T\\S+\t.*");
    assertThat(r.out()).contains("  metrics\tanswers ");
    assertThat(r.err()).contains("sources check: sample");
  }

  @Test
  void aBadRowAndAnUnreachableServerAreNamedAndExitOne() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/deployments.csv"), "deploy_id,time_created,changes,status\n"
        + "d1,2026-11-01T00:00:00Z,c1,success\nd2,2026-11-02T00:00:00Z,c2,failure\n");
    Files.writeString(dir.resolve("data/incidents.csv"), "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n"
        + "i1,2026-11-20T10:00:00Z,,P2,api,t,\ni1,2026-11-20T11:00:00Z,,P2,api,t,\n");
    Path sources = Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - id: warehouse\n    type: files\n    options:\n"
        + "      dir: data\n  - id: prom\n    type: prometheus\n    options:\n      url: http://127.0.0.1:9/\n");
    MainTest.Result r = MainTest.run("sources", "check", "--sources", sources.toString(), "--as-of", "2026-11-23T00:00:00Z");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("warehouse (files)\n",
        "  deployments\t2 rows\t2026-11-01T00:00:00Z .. 2026-11-02T00:00:00Z\t",
        "  incidents\tFAILED incidents.csv:3: COS-SRC-003 incident_id: 'i1' repeats the row on line 2; ids must be unique",
        "prom (prometheus)\n", "  metrics\tFAILED ")
        .endsWith("2 checks failed.\n");
  }
}
