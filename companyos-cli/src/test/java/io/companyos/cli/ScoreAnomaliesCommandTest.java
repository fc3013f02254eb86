package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreAnomaliesCommandTest {
  @TempDir Path dir;

  @Test
  void scoresEveryRowAndFlagsTheSpike() throws Exception {
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < 100; i++) {
      csv.append(String.format("2014-07-01 %02d:%02d:00,%d%n", i / 60, i % 60, i % 2 == 0 ? 10 : 12));
    }
    csv.append("2014-07-01 01:40:00,40\n");
    Path f = Files.writeString(dir.resolve("series.csv"), csv);
    MainTest.Result r = MainTest.run("score", "anomalies", "--input", f.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines[0]).isEqualTo("timestamp,value,score");
    assertThat(lines).hasSize(102);
    // The spike to 40 is a new extreme far outside 10..12: it scores above the seed's 0.8.
    assertThat(Double.parseDouble(lines[101].split(",")[2])).isGreaterThan(0.8);
    assertThat(Double.parseDouble(lines[50].split(",")[2])).isLessThan(0.5);
  }

  @Test
  void aBadValueIsALocatedOneLineError() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.csv"), "timestamp,value\n2014-07-01 00:00:00,1\n2014-07-01 00:05:00,abc\n");
    MainTest.Result r = MainTest.run("score", "anomalies", "--input", f.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err().strip()).isEqualTo(f + ":3:21: COS-CSV-003 'abc' is not a number");
  }
}
