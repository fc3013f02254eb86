package io.companyos.scoring.series;

/** How the points of a bucket or window become one value. */
public enum Aggregation {
  /** The sum of the points. */
  SUM,
  /** The arithmetic mean of the points. */
  MEAN,
  /** The smallest point. */
  MIN,
  /** The largest point. */
  MAX,
  /** The number of points. */
  COUNT,
  /** The latest point (gauges such as an open-CVE count). */
  LAST
}
