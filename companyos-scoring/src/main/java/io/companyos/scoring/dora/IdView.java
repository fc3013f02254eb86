package io.companyos.scoring.dora;

import java.util.AbstractList;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An unmodifiable list of ids read on demand from their holder ({@link DoraMetrics.LeadTimes#of},
 * {@link WindowDeployments#distinct}): the evidence keeps it as it is instead of copying millions of ids into strings
 * nobody may read.
 */
final class IdView extends AbstractList<String> implements RandomAccess {
  private final int size;
  private final IntFunction<String> at;

  IdView(int size, IntFunction<String> at) {
    if (size < 0) {
      throw new IllegalArgumentException("size " + size);
    }
    this.size = size;
    this.at = at;
  }

  @Override
  public String get(int index) {
    java.util.Objects.checkIndex(index, size);
    return java.util.Objects.requireNonNull(at.apply(index), "id");
  }

  @Override
  public int size() {
    return size;
  }
}
