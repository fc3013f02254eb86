package io.companyos.model.config.internal;

/**
 * Limits that keep hostile YAML from exhausting memory or time: document size, nesting depth and the
 * number of nodes after alias expansion (the "billion laughs" attack multiplies nodes through
 * nested aliases; counting the expanded weight stops it after a few hundred events).
 *
 * @param maxChars longest accepted document, in characters
 * @param maxDepth deepest accepted nesting of lists and mappings
 * @param maxNodes most nodes a document may stand for once aliases are expanded
 */
public record YamlLimits(int maxChars, int maxDepth, long maxNodes) {
  /** 1 MiB of text, 64 levels, 100 000 nodes: far above any real definition file. */
  public static final YamlLimits DEFAULT = new YamlLimits(1 << 20, 64, 100_000);
}
