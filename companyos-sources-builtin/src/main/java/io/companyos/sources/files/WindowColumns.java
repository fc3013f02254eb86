package io.companyos.sources.files;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Provenance;
import java.util.List;
import java.util.Optional;

/** A file's rows kept in columns, sorted by time: the records of a window, made when read, and the span of the times. */
interface WindowColumns<T> {
  /** The rows of {@code window}, in time order (ties in file order). */
  List<T> rows(TimeWindow window);

  /** The span of the rows' times (distinct instants), as {@link Provenance.Coverage#of} gives it for records. */
  Optional<Provenance.Coverage> coverage();
}
