package io.companyos.model.config;

/**
 * The stable codes of configuration problems. Scripts and tests match on {@link #code()}; the
 * numbers never change meaning once released.
 */
public enum ProblemCode {
  SYNTAX("COS-YAML-001", "the file is not well-formed YAML"),
  UNKNOWN_KEY("COS-YAML-002", "a key that is not part of the format"),
  MISSING_KEY("COS-YAML-003", "a required key is missing"),
  WRONG_TYPE("COS-YAML-004", "a value has the wrong shape (text, number, list, mapping)"),
  DUPLICATE_KEY("COS-YAML-005", "the same key twice in one mapping"),
  INVALID_CHOICE("COS-YAML-006", "a value outside a fixed set of choices"),
  INVALID_DURATION("COS-YAML-007", "not a positive duration such as 30m, 24h, 7d, 2w"),
  INVALID_CRON("COS-YAML-008", "not a valid 5-field cron expression"),
  INVALID_THRESHOLD("COS-YAML-009", "not a threshold expression such as '> 6'"),
  OUT_OF_RANGE("COS-YAML-010", "a number outside its allowed range"),
  UNKNOWN_SECTION_TYPE("COS-YAML-011", "a section type that is not registered"),
  UNKNOWN_ROLE("COS-YAML-012", "a role id that is not defined"),
  RACI_ACCOUNTABLE("COS-YAML-013", "a RACI activity without exactly one accountable role"),
  UNKNOWN_MEETING("COS-YAML-014", "a meeting id that is not in the rhythm"),
  INVALID_TIME_ZONE("COS-YAML-015", "not an IANA time zone id"),
  DUPLICATE_ID("COS-YAML-016", "the same id or name defined twice"),
  TOO_LARGE("COS-YAML-017", "the document exceeds the size limit"),
  TOO_DEEP("COS-YAML-018", "the document nests deeper than allowed"),
  ALIAS_LIMIT("COS-YAML-019", "anchors and aliases expand beyond the limit"),
  CONSTRAINT("COS-YAML-020", "a value breaks a constraint (blank, pattern, size)"),
  UNKNOWN_KIND("COS-YAML-021", "the file is none of the known definition kinds"),
  DELIVERY_TARGET("COS-YAML-022", "a delivery without the destination or url its channel needs"),
  INVALID_TIME("COS-YAML-023", "not a time of day such as 09:00"),
  EMPTY_DOCUMENT("COS-YAML-024", "the file holds no definition"),
  UNREADABLE("COS-YAML-025", "the file cannot be read"),
  UNKNOWN_ALIAS("COS-YAML-026", "an alias to an anchor that is not defined"),
  INVALID_VALUE("COS-YAML-027", "a value that is not valid for its key"),
  UNKNOWN_DASHBOARD("COS-YAML-028", "a dashboard url that no dashboard of dashboards.yaml has"),
  UNKNOWN_ACTIVITY("COS-YAML-029", "an activity that raci.yaml does not have"),
  SECRET_IN_URL("COS-YAML-030", "a URL that carries a credential (user-info or a token in its query)"),
  SOURCE_REFUSED("COS-YAML-031", "a source whose type no installed provider has, or whose options its provider refuses"),
  UNKNOWN_SLO("COS-YAML-032", "a health check on an SLO that no SLO spec of the company has"),
  SLO_TARGET("COS-SLO-001", "an SLO spec without a target, or with one outside (0, 1)"),
  SLO_UNKNOWN_KIND("COS-SLO-002", "a document that is none of the SLO specs read (OpenSLO v1, Sloth prometheus/v1, Pyrra)"),
  SLO_UNKNOWN_INDICATOR("COS-SLO-003", "an OpenSLO indicatorRef that names no SLI"),
  SLO_NOT_COMPUTED("COS-SLO-004", "(warning) a part of an SLO spec that is not computed as written; the SLO is still listed"),
  SLO_PATH("COS-SLO-005", "an slos: entry of sources.yaml that names no file or folder");

  private final String code;
  private final String summary;

  ProblemCode(String code, String summary) {
    this.code = code;
    this.summary = summary;
  }

  /** The stable code, e.g. {@code COS-YAML-002}. */
  public String code() {
    return code;
  }

  /** What the code means, for the configuration reference. */
  public String summary() {
    return summary;
  }
}
