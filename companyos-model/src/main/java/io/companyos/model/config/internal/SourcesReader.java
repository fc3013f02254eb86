package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.source.SourceClaims;
import io.companyos.model.source.SourceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code sources.yaml}: the company's metric sources and the record kinds and metric patterns each
 * claims ({@code records:}, {@code metrics:}; a kind or pattern claimed twice is an ambiguous route). Options are plain values; an option whose
 * name looks like a secret (token, password, secret, api key) must be given as {@code <name>_env}
 * naming an environment variable, so that no secret is ever stored in a file, the model or a log.
 */
public final class SourcesReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("sources", "slos");
  private static final List<String> SOURCE_KEYS = List.of("id", "type", "options", "timeout", "retries", "records", "metrics", "stale_after");
  private static final java.util.regex.Pattern KIND_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> SECRET_WORDS = Set.of("token", "password", "secret", "api_key", "apikey", "key");

  private final BindContext ctx;
  private final io.companyos.model.source.SourceCheck check;

  public SourcesReader(BindContext ctx) {
    this(ctx, io.companyos.model.source.SourceCheck.NONE);
  }

  /** A reader that also asks {@code check} (the installed providers) about each source's type and options. */
  public SourcesReader(BindContext ctx, io.companyos.model.source.SourceCheck check) {
    this.ctx = ctx;
    this.check = check;
  }

  /**
   * The files and folders of SLO specs the {@code slos:} entry of a sources file names (one path or a list), resolved
   * against {@code base}, the file's folder. A path that does not exist is {@link ProblemCode#SLO_PATH} at its item in
   * {@code sink}; the shape of the entry is checked by {@link #read}.
   */
  public static List<java.nio.file.Path> sloPaths(YamlNode root, java.nio.file.Path base, ProblemSink sink) {
    YamlNode.Entry e = root instanceof YamlNode.Mapping m ? m.entry("slos") : null;
    if (e == null) {
      return List.of();
    }
    ProblemSink shape = new ProblemSink("-");
    List<String> paths = MapView.stringList(e.value(), shape, "'slos'");
    List<Mark> marks = MapView.itemMarks(e.value());
    List<java.nio.file.Path> out = new ArrayList<>();
    for (int i = 0; paths != null && i < paths.size(); i++) {
      java.nio.file.Path p = base.resolve(paths.get(i)).normalize();
      if (java.nio.file.Files.exists(p)) {
        out.add(p);
      } else {
        sink.add(ProblemCode.SLO_PATH, marks.get(i), "slos: '" + paths.get(i) + "' is no file or folder (" + p + ")",
            "paths are relative to the folder of sources.yaml");
      }
    }
    return out;
  }

  public @Nullable List<SourceSpec> read(YamlNode root) {
    MapView m = MapView.of(root, ctx.sink(), "a sources file", KEYS).orElse(null);
    List<YamlNode> items = m == null ? null : m.list("sources", true);
    if (items == null || m.stringList("slos") == null) {
      return null;
    }
    List<SourceSpec> out = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    Map<String, String> kindClaimedBy = new HashMap<>();
    Map<String, String> patternClaimedBy = new HashMap<>();
    boolean ok = true;
    for (YamlNode item : items) {
      MapView s = MapView.of(item, ctx.sink(), "a source", SOURCE_KEYS).orElse(null);
      if (s == null) {
        ok = false;
        continue;
      }
      String id = s.requireString("id");
      String type = s.requireString("type");
      Duration timeout = s.duration("timeout", false);
      Integer retries = s.integer("retries", 0, 10, false);
      Map<String, String> options = options(s);
      List<String> records = s.stringList("records");
      List<String> metrics = s.stringList("metrics");
      Duration staleAfter = s.duration("stale_after", false);
      if (id == null || type == null || options == null || (s.has("timeout") && timeout == null)
          || (s.has("retries") && retries == null) || records == null || metrics == null
          || (s.has("stale_after") && staleAfter == null)) {
        ok = false;
        continue;
      }
      Mark earlier = seen.putIfAbsent(id, s.valueMark("id"));
      if (earlier != null) {
        ctx.sink().add(ProblemCode.DUPLICATE_ID, s.valueMark("id"), "source '" + id + "' is defined twice",
            "the first is on line " + earlier.line());
        ok = false;
        continue;
      }
      if (!claimsUnique(id, records, "records", "record kind", kindClaimedBy, s)
          | !claimsUnique(id, metrics, "metrics", "metric pattern", patternClaimedBy, s)) {
        ok = false;
        continue;
      }
      if (!accepted(id, type, options, s)) {
        ok = false;
        continue;
      }
      Mark at = s.mark();
      SourceClaims claims = records.isEmpty() && metrics.isEmpty() && staleAfter == null ? SourceClaims.NONE
          : new SourceClaims(records, metrics, ctx.sink().file() + ":" + at.line() + ":" + at.column(), staleAfter);
      out.add(new SourceSpec(id, type, options, timeout != null ? timeout : SourceSpec.DEFAULT_TIMEOUT,
          retries != null ? retries : SourceSpec.DEFAULT_RETRIES, claims));
    }
    return ok ? out : null;
  }

  /**
   * Each record kind (and each metric pattern) may be claimed by one source only: two claims would make
   * the route ambiguous. Record kind names must look like names.
   */
  private boolean claimsUnique(String id, List<String> claims, String key, String what, Map<String, String> claimedBy,
      MapView source) {
    boolean ok = true;
    for (String c : claims) {
      if (key.equals("records") && !KIND_NAME.matcher(c).matches()) {
        ctx.sink().add(ProblemCode.INVALID_VALUE, source.valueMark(key), "'" + c + "' is not a record kind name",
            "use the names of docs/data-formats.md, e.g. incidents, deployments, costs");
        ok = false;
        continue;
      }
      String earlier = claimedBy.putIfAbsent(c, id);
      if (earlier != null && !earlier.equals(id)) {
        ctx.sink().add(ProblemCode.DUPLICATE_ID, source.valueMark(key), what + " '" + c + "' is claimed by sources '"
            + earlier + "' and '" + id + "', so its route is ambiguous", "claim it in one source only");
        ok = false;
      }
    }
    return ok;
  }

  /** Asks the installed providers about the source; each finding is located at its option, else at the type. */
  private boolean accepted(String id, String type, Map<String, String> options, MapView source) {
    List<io.companyos.model.source.SourceCheck.Finding> findings = check.check(id, type, options);
    for (io.companyos.model.source.SourceCheck.Finding f : findings) {
      Mark mark = source.valueMark("type");
      YamlNode opts = source.value("options");
      if (f.option() != null && opts instanceof YamlNode.Mapping mapping && mapping.entries().containsKey(f.option())) {
        mark = mapping.entries().get(f.option()).value().mark();
      }
      ctx.sink().add(ProblemCode.SOURCE_REFUSED, mark, "source '" + id + "': " + f.message(), f.hint());
    }
    return findings.isEmpty();
  }

  /** What makes {@code text}, when it is an absolute URL, carry a secret. */
  static java.util.Optional<String> secretInUrl(String text) {
    if (!text.strip().matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
      return java.util.Optional.empty();
    }
    try {
      return io.companyos.model.base.Redaction.secretIn(new java.net.URI(text.strip()));
    } catch (java.net.URISyntaxException ex) {
      return java.util.Optional.empty(); // not a URL after all; the source says what it expects
    }
  }

  private @Nullable Map<String, String> options(MapView source) {
    YamlNode v = source.value("options");
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof YamlNode.Mapping mapping)) {
      MapView.wrongShape(ctx.sink(), v, "'options'", "a mapping of option names to values");
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    boolean ok = true;
    for (YamlNode.Entry e : mapping.entries().values()) {
      String name = e.key();
      String text = MapView.text(e.value(), ctx.sink(), "option '" + name + "'");
      if (text == null) {
        ok = false;
        continue;
      }
      if (looksSecret(name)) {
        // Never echo the value: it is the secret.
        ctx.sink().add(ProblemCode.INVALID_VALUE, e.value().mark(),
            "option '" + name + "' looks like a secret and must not be written in a file",
            "store it in an environment variable and write '" + name + "_env: VARIABLE_NAME'");
        ok = false;
        continue;
      }
      java.util.Optional<String> secret = secretInUrl(text);
      if (secret.isPresent()) {
        // Never echo the URL either: the credential is part of it.
        ctx.sink().add(ProblemCode.SECRET_IN_URL, e.value().mark(), "option '" + name + "': " + secret.get(),
            "remove it from the URL; give the source its credential through an environment variable (e.g. token_env)");
        ok = false;
        continue;
      }
      out.put(name, text);
    }
    return ok ? out : null;
  }

  private static boolean looksSecret(String option) {
    String o = option.toLowerCase(Locale.ROOT);
    if (o.endsWith("_env")) {
      return false;
    }
    for (String word : o.split("[_-]")) {
      if (SECRET_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
