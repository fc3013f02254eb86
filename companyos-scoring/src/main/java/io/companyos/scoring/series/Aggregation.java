package io.companyos.scoring.series;

/** How the points of a bucket or window become one value. */
public enum Aggregation {
  SUM,
  MEAN,
  MIN,
  MAX,
  COUNT,
  /** The latest point (gauges such as an open-CVE count). */
  LAST
}
