package io.companyos.cli;

import io.companyos.model.base.CompanyOsException;
import io.companyos.model.TextFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The {@code COMPANYOS_*} settings of health-check actions and the digest: the process environment, overlaid with a
 * properties file of the same names when one is given (as {@code deliver --settings} reads it), so a cron job or a
 * service can keep its keys in a file only it can read.
 */
final class ActionSettings {
  private ActionSettings() {}

  static Map<String, String> load(@Nullable Path file) {
    Map<String, String> merged = new HashMap<>(System.getenv());
    if (file == null) {
      return merged;
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(TextFiles.readUtf8(file)));
    } catch (TextFiles.NotUtf8 e) {
      throw new CompanyOsException("COS-DLV-003", "cannot read the settings file: " + e.getMessage(), file + ":" + e.line(),
          "save it as UTF-8");
    } catch (IOException | IllegalArgumentException e) {
      throw new CompanyOsException("COS-DLV-003", "cannot read the settings file: " + e.getMessage(), file.toString(),
          "write NAME=value lines such as COMPANYOS_PAGERDUTY_ROUTING_KEY=...");
    }
    p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k)));
    return merged;
  }
}
