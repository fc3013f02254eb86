package io.companyos.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.connectors.costs.CostExportsSourceProvider;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written AWS Data Exports folder of {@code companyos-connectors-costs} (its test resources, read where they
 * are) reaches the FinOps review: total spend, infrastructure and the top cost drivers, worked out by hand and footnoted
 * with the export's files. Everything else comes from the sample company.
 */
class CostExportsToPackTest {
  static final Path AWS = Path.of("..", "companyos-connectors-costs", "src", "test", "resources", "costs", "aws");

  @Test
  void theFinOpsReviewSumsTheAwsExportOfItsMonth() {
    assertThat(Files.isDirectory(AWS)).as(AWS.toAbsolutePath().toString()).isTrue();
    Instant asOf = Instant.parse("2026-11-10T11:00:00Z");
    MetricSource aws = new CostExportsSourceProvider().create(SourceContext.of("aws-focus", Map.of("path", AWS.toString()),
        Clock.fixed(asOf, ZoneOffset.UTC), Path.of(".")));
    String md = SprintsAndRevenueToPackTest.render("finops-review", asOf, aws);
    List<String> footnotes = md.lines().filter(l -> l.startsWith("[^")).toList();
    // The manifest of October names parts 00001 and 00002; part 00003 (an earlier delivery's, 999.00) is not read.
    assertThat(footnotes).anySatisfy(f -> assertThat(f).contains("aws-focus · acme-focus/data/BILLING_PERIOD=2026-10/"
        + "acme-focus-00001.csv.gz (AWS FOCUS export), acme-focus/data/BILLING_PERIOD=2026-10/acme-focus-00002.csv.gz (AWS FOCUS "
        + "export); 1 file not in the latest manifest of its billing period or run, not read: "
        + "acme-focus/data/BILLING_PERIOD=2026-10/acme-focus-00003.csv.gz"));
    // The review of 11 November covers October. EffectiveCost: EC2 100 + 30 (spot) + 120 - 25 (credit) = 225; RDS 40
    // (amortized reservation); S3 12.50; Support 50 (a purchase) -> 327.50, shown as $328.
    assertThat(md).contains("| Total Cloud Spend | $328[^1] |");
    // Infrastructure is the Compute category: EC2's 225.
    assertThat(md).contains("| Infrastructure | $225[^1] |");
    // Top cost drivers: EC2 225 of 327.50 = 68.7 %, Support 50 = 15.3 %, RDS 40 = 12.2 %, S3 12.50 = 3.8 %.
    assertThat(md).contains("| Amazon Elastic Compute Cloud | $225[^1] | 68.7%[^1] |")
        .contains("| AWS Support (Business) | $50[^1] | 15.3%[^1] |")
        .contains("| Amazon Relational Database Service | $40[^1] | 12.2%[^1] |")
        .contains("| Amazon Simple Storage Service | $13[^1] | 3.8%[^1] |");
    // By the team tag: web 100 + 120 = 220; data 40; untagged 12.50 - 25 + 50 = 37.50; batch 30.
    assertThat(md).contains("| web | $220[^1] |").contains("| data | $40[^1] |").contains("| untagged | $38[^1] |")
        .contains("| batch | $30[^1] |");
    // On ListCost: spot 90 of compute usage 100 + 90 + 120 = 310 -> 29.03 %; the reservation's 60 of non-compute usage
    // and purchases 60 + 12.50 + 50 = 122.50 -> 48.98 %.
    assertThat(md).contains("- Spot Instance Usage: 29.03%").contains("- Reserved Instances: 48.98%");
  }
}
