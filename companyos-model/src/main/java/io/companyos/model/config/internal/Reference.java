package io.companyos.model.config.internal;

/**
 * A mention of a role or meeting id somewhere in a file, remembered with its position so that it
 * can be checked once every file of a definition set has been read.
 */
public record Reference(Kind kind, String id, String file, Mark mark, String context) {
  /** What the id names. */
  public enum Kind { ROLE, MEETING }
}
