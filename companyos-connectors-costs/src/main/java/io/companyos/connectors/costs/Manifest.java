package io.companyos.connectors.costs;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A manifest of an export delivery: the data files it names (as names relative to the configured folder, with where
 * the manifest names each), the group of deliveries it belongs to (an AWS export's billing period, an Azure export's
 * date range) and what orders the deliveries of a group.
 *
 * @param file the manifest, as named in provenance
 * @param group the folder of the export and partition, e.g. {@code focus/data/BILLING_PERIOD=2026-10}
 * @param files the data files it lists → the line and column of each entry
 * @param submitted Azure's {@code runInfo.submittedTime}; null for AWS, whose manifest carries no time
 * @param modified the manifest file's modification time (what {@code aws s3 sync} sets to the object's time)
 */
record Manifest(String file, String vendor, String group, Map<String, int[]> files, @Nullable Instant submitted, Instant modified) {
  /** {@code <export>/metadata/BILLING_PERIOD=YYYY-MM/[<execution-id>/]<export>-Manifest.json}. */
  static final Pattern AWS = Pattern.compile("(?<root>(?:.*/)?)metadata/(?<period>BILLING_PERIOD=\\d{4}-\\d{2})/(?:[^/]+/)?[^/]+-Manifest\\.json");
  /** {@code <export>/<YYYYMMDD-YYYYMMDD>/[<run-id>/]manifest.json}. */
  static final Pattern AZURE = Pattern.compile("(?<range>(?:.*/)?\\d{8}-\\d{8})/(?:[^/]+/)?manifest\\.json");
  /** An AWS data file's partition folder: {@code <export>/data/BILLING_PERIOD=YYYY-MM/}. */
  static final Pattern AWS_DATA = Pattern.compile("(?<group>(?:.*/)?data/BILLING_PERIOD=\\d{4}-\\d{2})/.+");
  /** An Azure data file's date-range folder. */
  static final Pattern AZURE_DATA = Pattern.compile("(?<group>(?:.*/)?\\d{8}-\\d{8})/.+");

  static boolean isManifest(String name) {
    return AWS.matcher(name).matches() || AZURE.matcher(name).matches();
  }

  /** Reads the manifest {@code name}; a problem throws {@link ExportProblem}. */
  static Manifest read(String name, LocatedJson root, Instant modified) {
    Matcher aws = AWS.matcher(name);
    if (aws.matches()) {
      if (!root.isObject() || !root.has("dataFiles")) {
        throw new ExportProblem(root.isObject() ? CostExportException.MISSING : CostExportException.UNKNOWN_FORMAT, root,
            "an AWS Data Exports manifest needs a list dataFiles" + (root.isObject() ? "" : " (the file is " + root.typeName() + ")"), null);
      }
      LocatedJson list = root.get("dataFiles");
      if (!list.isArray()) {
        throw new ExportProblem(CostExportException.MISSING, list, "dataFiles is " + list.typeName() + ", not a list", null);
      }
      String dataRoot = aws.group("root") + "data/";
      Map<String, int[]> files = new LinkedHashMap<>();
      for (LocatedJson f : list.items()) {
        String uri = f.text();
        int at = uri == null ? -1 : uri.indexOf("/data/");
        if (at < 0) {
          throw new ExportProblem(CostExportException.MISSING, f, "a data file is " + (uri == null ? f.typeName() : "'" + uri + "'")
              + ", not an S3 URI with /data/ in it", null);
        }
        files.put(dataRoot + uri.substring(at + "/data/".length()), new int[] {f.line, f.column});
      }
      return new Manifest(name, "AWS", aws.group("root") + "data/" + aws.group("period"), files, null, modified);
    }
    Matcher azure = AZURE.matcher(name);
    if (!azure.matches()) {
      throw new IllegalArgumentException(name);
    }
    if (!root.isObject() || !root.has("blobs")) {
      throw new ExportProblem(root.isObject() ? CostExportException.MISSING : CostExportException.UNKNOWN_FORMAT, root,
          "an Azure export manifest needs a list blobs" + (root.isObject() ? "" : " (the file is " + root.typeName() + ")"), null);
    }
    LocatedJson list = root.get("blobs");
    if (!list.isArray()) {
      throw new ExportProblem(CostExportException.MISSING, list, "blobs is " + list.typeName() + ", not a list", null);
    }
    String range = azure.group("range");
    String rangeFolder = range.substring(range.lastIndexOf('/') + 1);
    String runFolder = name.substring(0, name.lastIndexOf('/') + 1);
    Map<String, int[]> files = new LinkedHashMap<>();
    for (LocatedJson b : list.items()) {
      LocatedJson blob = b.get("blobName");
      String blobName = blob.nonBlank();
      if (blobName == null) {
        throw new ExportProblem(CostExportException.MISSING, blob, "a blob has no blobName", null);
      }
      int at = blobName.indexOf("/" + rangeFolder + "/");
      String local = at >= 0 ? range + blobName.substring(at + rangeFolder.length() + 1)
          : runFolder + blobName.substring(blobName.lastIndexOf('/') + 1);
      files.put(local, new int[] {blob.line, blob.column});
    }
    Instant submitted = null;
    LocatedJson time = root.at("runInfo", "submittedTime");
    if (time.text() != null) {
      try {
        submitted = OffsetDateTime.parse(time.text().strip()).toInstant();
      } catch (DateTimeParseException e) {
        throw new ExportProblem(CostExportException.INVALID, time, "runInfo.submittedTime '" + time.text() + "' is not an ISO-8601 time with offset", null);
      }
    }
    return new Manifest(name, "Azure", range, files, submitted, modified);
  }

  /** Whether this delivery is later than {@code other} of the same group. */
  boolean laterThan(Manifest other) {
    if (submitted != null && other.submitted != null && !submitted.equals(other.submitted)) {
      return submitted.isAfter(other.submitted);
    }
    if (!modified.equals(other.modified)) {
      return modified.isAfter(other.modified);
    }
    return file.compareTo(other.file) > 0;
  }

  /** The group of a data file by its name, for {@code vendor}; null when it is in none. */
  static @Nullable String groupOf(String dataFile, String vendor) {
    Matcher m = (vendor.equals("AWS") ? AWS_DATA : AZURE_DATA).matcher(dataFile);
    return m.matches() ? m.group("group") : null;
  }
}
