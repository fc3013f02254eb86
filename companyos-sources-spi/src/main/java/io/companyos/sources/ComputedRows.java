package io.companyos.sources;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Rows a source makes when they are read, from data it keeps in another form (columns), instead of holding a record
 * per row: a window of a million rows then costs no million records until they are read, and rows read once and
 * dropped are collected young. A {@link Dataset} keeps such a list as it is, where it copies any other list.
 *
 * <p>A subclass must be immutable in effect: {@link #size} never changes, and {@link #get} returns, for the same
 * index, an equal record (never null) every time, from data that is never changed after the list is made, so the list
 * may be read from several threads at once. The list's methods that would change it throw
 * {@link UnsupportedOperationException}, as {@link AbstractList}'s do.
 *
 * @param <T> the row type
 */
public abstract class ComputedRows<T> extends AbstractList<T> implements RandomAccess {
  /** For subclasses. */
  protected ComputedRows() {}
}
