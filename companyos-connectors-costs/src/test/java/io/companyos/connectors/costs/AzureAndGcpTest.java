package io.companyos.connectors.costs;

import static io.companyos.connectors.costs.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.CostRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Azure Cost Management FOCUS exports, GCP's FOCUS view saved as CSV and FOCUS 1.3 names, to rows worked out by hand. */
class AzureAndGcpTest {
  @TempDir Path tmp;

  @Test
  void azureReadsTheLatestRunOfADateRange() {
    CostExportsSource s = Fixtures.source("azure");
    List<CostRow> rows = Fixtures.rows(s);
    // The run submitted on 2 November: two VM rows (gzip) and a storage row (plain CSV); the run of 15 October is not read.
    assertThat(rows).hasSize(3);
    // 70 + 35.5 + 8.1234567 = 113.6234567
    assertThat(Fixtures.total(rows)).isEqualByComparingTo("113.6234567");
    // Seven fractional digits and no offset: UTC.
    assertThat(rows.get(1)).isEqualTo(new CostRow(t("2026-10-01T00:00:00Z"), t("2026-10-02T00:00:00Z"), new BigDecimal("0"),
        new BigDecimal("35.5000000"), new BigDecimal("52.2500000"), "Virtual Machines", "Compute", "Microsoft", "Usage", "Committed",
        "Reservation", CostRow.USED, Map.of("team", "api")));
    String run = "acme-focus/20261001-20261031/9e8d7c6b-dddd-4eee-8fff-1a2b3c4d5e6f/";
    assertThat(Fixtures.query(s)).isEqualTo(run + "part_0_0001.csv.gz (Azure FOCUS export), " + run
        + "part_1_0001.csv (Azure FOCUS export); 1 file not in the latest manifest of its billing period or run, not read: "
        + "acme-focus/20261001-20261031/6a2b1c3d-aaaa-4bbb-8ccc-0d1e2f3a4b5c/part_0_0001.csv.gz");
  }

  @Test
  void gcpBigQueryTimesAndTagListsAreRead() {
    CostExportsSource s = Fixtures.source("gcp");
    List<CostRow> rows = Fixtures.rows(s);
    // 21.40 - 2.60 + 5.00 = 23.80
    assertThat(Fixtures.total(rows)).isEqualByComparingTo("23.80");
    assertThat(rows.get(0).chargePeriodStart()).isEqualTo(t("2026-10-01T00:00:00Z"));
    assertThat(rows.get(0).tags()).isEqualTo(Map.of("team", "web"));
    assertThat(rows.get(1).chargeCategory()).isEqualTo("Credit");
    assertThat(rows.get(2).tags()).isEmpty();
    assertThat(Fixtures.query(s)).isEqualTo("focus-2026-10.csv (FOCUS CSV)");
  }

  @Test
  void focus13NamesItsProviderServiceProviderName() throws IOException {
    Files.writeString(tmp.resolve("focus-1.3.csv"), """
        chargeperiodstart,ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ServiceName,ServiceCategory,ServiceProviderName,HostProviderName,ChargeCategory,x_Anything
        2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,3.00,3.00,NULL,Snowflake Compute,Analytics,Snowflake,AWS,usage,whatever
        """);
    List<CostRow> rows = Fixtures.rows(Fixtures.source(tmp.resolve("focus-1.3.csv"), "strict"));
    assertThat(rows).containsExactly(new CostRow(t("2026-10-01T00:00:00Z"), t("2026-10-02T00:00:00Z"), new BigDecimal("3.00"),
        new BigDecimal("3.00"), new BigDecimal("3.00"), "Snowflake Compute", "Analytics", "Snowflake", "Usage", null, null, null, Map.of()));
  }
}
