package io.companyos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.model.base.CompanyOsException;
import io.companyos.model.TextFiles;
import io.companyos.scoring.anomaly.RobustZScoreDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code companyos score anomalies --input FILE.csv}: the causal anomaly score of every row of a
 * {@code timestamp,value} CSV (the Numenta Anomaly Benchmark's format).
 */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
    description = {"Scores every row of a timestamp,value CSV with the causal anomaly detector (each score uses only "
        + "that row and earlier ones) and prints timestamp,value,score; 0.8 means about six robust standard "
        + "deviations."})
final class ScoreAnomaliesCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { csv, json }

  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "CSV with a header and columns timestamp,value.")
  Path input;

  @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--input " + input + " is not a file");
    }
    List<String> lines;
    try {
      lines = TextFiles.readUtf8(input).lines().toList();
    } catch (TextFiles.NotUtf8 e) {
      throw new CompanyOsException("COS-CSV-004", e.getMessage(), e.location(input), "save it as UTF-8");
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals("timestamp,value")) {
      throw new CompanyOsException("COS-CSV-001", "the header must be 'timestamp,value'", input + ":1:1", "NAB's data files have this layout");
    }
    List<String> times = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    double[] values = new double[lines.size() - 1];
    int n = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int comma = line.indexOf(',');
      if (comma < 0) {
        throw new CompanyOsException("COS-CSV-002", "expected timestamp,value", input + ":" + (i + 1) + ":1", null);
      }
      String v = line.substring(comma + 1).strip();
      try {
        values[n] = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new CompanyOsException("COS-CSV-003", "'" + v + "' is not a number", input + ":" + (i + 1) + ":" + (comma + 2), null);
      }
      if (!Double.isFinite(values[n])) {
        throw new CompanyOsException("COS-CSV-003", "'" + v + "' is not a finite number", input + ":" + (i + 1) + ":" + (comma + 2), null);
      }
      times.add(line.substring(0, comma).strip());
      raw.add(v);
      n++;
    }
    double[] scores = RobustZScoreDetector.defaults().scores(java.util.Arrays.copyOf(values, n));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", times.get(i));
        m.put("value", values[i]);
        m.put("score", scores[i]);
        rows.add(m);
      }
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
    } else {
      out.println("timestamp,value,score");
      for (int i = 0; i < n; i++) {
        out.println(times.get(i) + "," + raw.get(i) + "," + String.format(Locale.ROOT, "%.6f", scores[i]));
      }
    }
    return 0;
  }
}
