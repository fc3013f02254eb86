package io.companyos.render.internal;

import freemarker.core.TemplateElement;
import freemarker.template.Template;
import io.companyos.render.TemplateRejectedException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy for user templates, checked on the parsed template rather than on its text, so that it
 * holds whatever tag syntax ({@code <#...>} or {@code [#...]}) and interpolation syntax ({@code ${...}},
 * {@code #{...}}, {@code [=...]}) the template uses: FreeMarker describes every element in one canonical
 * form. Directives that reach other templates or change settings are refused by element, built-ins that
 * evaluate strings as templates or reach Java by name; padding is allowed only to a literal width.
 *
 * <p>The configuration of {@link TemplateEngines#userMarkdown()} is the second line: no class resolution
 * for {@code ?new}, no {@code ?api}, a loader that only knows {@code /lib.ftl}.
 */
public final class TemplatePolicy {
  /** The widest {@code ?left_pad}/{@code ?right_pad} a user template may ask for. */
  public static final int MAX_PAD = 1000;

  /** Element classes (FreeMarker's names) that user templates may not contain, with what to call them. */
  private static final List<String[]> FORBIDDEN_ELEMENTS = List.of(
      new String[] {"PropertySetting", "#setting"},
      new String[] {"Include", "#include"},
      new String[] {"VisitNode", "#visit"},
      new String[] {"RecurseNode", "#recurse"},
      new String[] {"FallbackInstruction", "#fallback"});

  private static final List<Pattern> FORBIDDEN_EXPRESSIONS = List.of(
      Pattern.compile("\\?\\s*(new|api|has_api|hasApi|eval|eval_json|evalJson|interpret)\\b"),
      Pattern.compile("getclass|classloader|protectiondomain", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\.\\s*class\\b"),
      Pattern.compile("freemarker\\.(template|ext|core)", Pattern.CASE_INSENSITIVE));

  private static final Pattern PAD = Pattern.compile("\\?\\s*(left_pad|right_pad|leftPad|rightPad)\\s*\\(\\s*([^,)]*)");
  private static final Pattern IMPORT = Pattern.compile("#import\\s+\"/?lib\\.ftl\"\\s+as\\s+\\S+");
  private static final Set<String> TEXT = Set.of("TextBlock");

  private TemplatePolicy() {}

  /**
   * Throws {@link TemplateRejectedException} naming the first element, in document order, that the
   * policy refuses, located at {@code name:line}.
   */
  public static void check(Template template) {
    check(template.getName(), template.getRootTreeNode());
  }

  private static void check(String name, TemplateElement e) {
    if (e == null) {
      return;
    }
    String kind = e.getClass().getSimpleName();
    if (!TEXT.contains(kind)) {
      String description = e.getDescription();
      for (String[] f : FORBIDDEN_ELEMENTS) {
        if (f[0].equals(kind)) {
          throw reject(name, e, f[1]);
        }
      }
      if (kind.equals("LibraryLoad") && !IMPORT.matcher(description).matches()) {
        throw reject(name, e, "#import of anything but \"/lib.ftl\"");
      }
      for (Pattern p : FORBIDDEN_EXPRESSIONS) {
        Matcher m = p.matcher(description);
        if (m.find()) {
          throw reject(name, e, m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", ""));
        }
      }
      Matcher pad = PAD.matcher(description);
      while (pad.find()) {
        if (!literalWidthUpTo(pad.group(2).strip(), MAX_PAD)) {
          throw reject(name, e, "?" + pad.group(1) + "(" + pad.group(2).strip() + ") (the width must be a number up to "
              + MAX_PAD + ")");
        }
      }
    }
    for (int i = 0; i < e.getChildCount(); i++) {
      check(name, (TemplateElement) e.getChildAt(i));
    }
  }

  private static boolean literalWidthUpTo(String width, int max) {
    if (!width.matches("[0-9]{1,9}")) {
      return false;
    }
    return Integer.parseInt(width) <= max;
  }

  private static TemplateRejectedException reject(String name, TemplateElement e, String construct) {
    return new TemplateRejectedException(name + ":" + e.getBeginLine(), construct);
  }
}
