package io.companyos.render.internal;

import io.companyos.render.TemplateRejectedException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First line of defence for user templates: rejects, before parsing, the constructs known from
 * FreeMarker template-injection attacks. The second line is the {@link TemplateEngines} configuration
 * itself (no {@code ?new} class resolution, no {@code ?api}, a wrapper that exposes no Java objects).
 */
public final class TemplateSandbox {
  private static final List<Pattern> FORBIDDEN = List.of(
      Pattern.compile("\\?\\s*new\\b"),
      Pattern.compile("\\?\\s*api\\b"),
      Pattern.compile("\\?\\s*eval(_json)?\\b"),
      Pattern.compile("\\?\\s*interpret\\b"),
      Pattern.compile("getclass", Pattern.CASE_INSENSITIVE),
      Pattern.compile("classloader", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\.class\\b"),
      Pattern.compile("freemarker\\.(template|ext|core)", Pattern.CASE_INSENSITIVE),
      Pattern.compile("<#\\s*(include|visit|recurse|setting)\\b"),
      Pattern.compile("<#\\s*import\\s+\"(?!/lib\\.ftl\")"));

  private TemplateSandbox() {}

  /**
   * Throws {@link TemplateRejectedException} naming the first forbidden construct and its line.
   *
   * @param name the template's file name, used as the error location
   */
  public static void check(String name, String text) {
    for (Pattern p : FORBIDDEN) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
          if (text.charAt(i) == '\n') {
            line++;
          }
        }
        throw new TemplateRejectedException(name + ":" + line, m.group().toLowerCase(Locale.ROOT).strip());
      }
    }
  }
}
