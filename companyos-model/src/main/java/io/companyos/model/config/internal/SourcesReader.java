package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
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
 * Reads {@code sources.yaml}: the company's metric sources. Options are plain values; an option whose
 * name looks like a secret (token, password, secret, api key) must be given as {@code <name>_env}
 * naming an environment variable, so that no secret is ever stored in a file, the model or a log.
 */
public final class SourcesReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("sources");
  private static final List<String> SOURCE_KEYS = List.of("id", "type", "options", "timeout", "retries");
  private static final Set<String> SECRET_WORDS = Set.of("token", "password", "secret", "api_key", "apikey", "key");

  private final BindContext ctx;

  public SourcesReader(BindContext ctx) {
    this.ctx = ctx;
  }

  public @Nullable List<SourceSpec> read(YamlNode root) {
    MapView m = MapView.of(root, ctx.sink(), "a sources file", KEYS).orElse(null);
    List<YamlNode> items = m == null ? null : m.list("sources", true);
    if (items == null) {
      return null;
    }
    List<SourceSpec> out = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
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
      if (id == null || type == null || options == null || (s.has("timeout") && timeout == null)
          || (s.has("retries") && retries == null)) {
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
      out.add(new SourceSpec(id, type, options, timeout != null ? timeout : SourceSpec.DEFAULT_TIMEOUT,
          retries != null ? retries : SourceSpec.DEFAULT_RETRIES));
    }
    return ok ? out : null;
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
