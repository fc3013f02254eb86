package io.companyos.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import io.companyos.render.internal.PackTree;
import io.companyos.render.internal.SeedVariables;
import io.companyos.render.internal.TemplateEngines;
import io.companyos.render.internal.BoundedTemplateRun;
import io.companyos.render.internal.TemplatePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link PackDocument} as Markdown, HTML or JSON. Markdown and HTML come from the built-in
 * FreeMarker templates (one per pack, sharing a macro library); a Markdown template in the overrides
 * directory ({@code docs/meetings/templates/<pack-id>.md}) replaces the built-in one after passing
 * the sandbox. Such a template may be FreeMarker over {@code pack}, or the seed's pack text with its
 * {@code {{ name }}} placeholders, filled from the same document. Output depends only on the document:
 * no clock, default locale or default zone is read.
 */
public final class PackRenderer {
  /** Marks templates written with the seed's {@code {{ name }}} placeholders. */
  private static final String SEED_SYNTAX = "companyos.seedSyntax";

  private final Configuration markdown = TemplateEngines.markdown();
  private final Configuration html = TemplateEngines.html();
  private final Configuration user = TemplateEngines.userMarkdown();
  private final TemplateLimits limits;
  private final ObjectWriter json;
  private final @Nullable Path overrides;

  /** A renderer with the built-in templates only and the default limits ({@link TemplateLimits#DEFAULT}). */
  public PackRenderer() {
    this(null);
  }

  /**
   * A renderer that prefers {@code overrides/<pack-id>.md} for Markdown when that file exists, with the default
   * limits ({@link TemplateLimits#DEFAULT}).
   *
   * @param overrides the directory of the company's Markdown templates, or null for the built-in ones only
   */
  public PackRenderer(@Nullable Path overrides) {
    this(overrides, TemplateLimits.DEFAULT);
  }

  /**
   * A renderer that prefers {@code overrides/<pack-id>.md} for Markdown when that file exists, and runs
   * every template within {@code limits}.
   *
   * @param overrides the directory of the company's Markdown templates, or null for the built-in ones only
   * @param limits what one template run may use
   */
  public PackRenderer(@Nullable Path overrides, TemplateLimits limits) {
    this.overrides = overrides;
    this.limits = java.util.Objects.requireNonNull(limits, "limits");
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    pp.indentArraysWith(indenter);
    pp.indentObjectsWith(indenter);
    this.json = new ObjectMapper().writer(pp);
  }

  /**
   * Writes {@code doc} in {@code format}. Markdown and HTML run the pack's built-in template (else the generic
   * {@code pack} template), or for Markdown the override file when there is one, within this renderer's
   * {@link #limits()}; JSON is the {@link #tree} indented by two spaces.
   *
   * @param doc the pack
   * @param format the output format
   * @return the pack's text, ending with a newline
   * @throws RenderException if a template fails, cannot be read or parsed, or reaches a limit
   * @throws TemplateRejectedException if a user template uses a construct the sandbox forbids
   */
  public String render(PackDocument doc, PackFormat format) {
    Map<String, Object> tree = PackTree.of(doc);
    return switch (format) {
      case JSON -> toJson(tree);
      case MD -> renderMarkdown(doc, tree);
      case HTML -> run(template(html, doc.packId() + ".ftlh", "pack.ftlh"), tree, Map.of());
    };
  }

  /**
   * The JSON tree of {@code doc} as written by {@link PackFormat#JSON} (see docs/pack-json.md); templates read the
   * same tree as {@code pack}.
   *
   * @param doc the pack
   * @return a tree of maps, lists, strings, numbers and booleans only, its keys in a fixed order
   */
  public static Map<String, Object> tree(PackDocument doc) {
    return PackTree.of(doc);
  }

  private String renderMarkdown(PackDocument doc, Map<String, Object> tree) {
    Path user = overrides == null ? null : overrides.resolve(doc.packId() + ".md");
    if (user != null && Files.isRegularFile(user)) {
      return renderUserTemplate(doc, tree, userTemplate(user));
    }
    return run(template(markdown, doc.packId() + ".ftl", "pack.ftl"), tree, Map.of());
  }

  /** {@code doc} through user template {@code t} (from {@link #userTemplate(String, String)}). */
  String renderUserTemplate(PackDocument doc, Template t) {
    return renderUserTemplate(doc, PackTree.of(doc), t);
  }

  private String renderUserTemplate(PackDocument doc, Map<String, Object> tree, Template t) {
    String out = run(t, tree, SeedVariables.of(doc, tree));
    if (t.getCustomAttribute(SEED_SYNTAX) != null && !out.contains("\n[^1]: ") && !doc.footnotes().isEmpty()) {
      // Templates in the seed's layout have no footnote block: the provenance is appended.
      out = out + "\n---\n" + footnotes(doc) + "";
    }
    return out;
  }

  private static String footnotes(PackDocument doc) {
    StringBuilder sb = new StringBuilder();
    doc.footnotes().forEach((p, n) -> sb.append("[^").append(n).append("]: ")
        .append(io.companyos.render.internal.MarkdownEscaper.escape(p.line()))
        .append('\n'));
    return sb.toString();
  }

  /**
   * The limits every template of this renderer runs within.
   *
   * @return the limits given at construction, {@link TemplateLimits#DEFAULT} when none were
   */
  public TemplateLimits limits() {
    return limits;
  }

  /**
   * Reads, parses and checks a user template file, as {@link #userTemplate(String, String)} does with its text; used
   * for overrides and by {@code validate}-style checks.
   *
   * @param file the template file, UTF-8
   * @return the parsed template, ready to run
   * @throws RenderException {@code COS-TPL-002} if the file cannot be read or is not UTF-8, {@code COS-TPL-003} if
   *     it does not parse
   * @throws TemplateRejectedException if it uses a construct the sandbox forbids
   */
  public Template userTemplate(Path file) {
    String text;
    try {
      text = io.companyos.model.TextFiles.readUtf8(file);
    } catch (io.companyos.model.TextFiles.NotUtf8 e) {
      throw new RenderException("COS-TPL-002", "cannot read template: " + e.getMessage(), e.location(file),
          "save it as UTF-8", e);
    } catch (IOException e) {
      throw new RenderException("COS-TPL-002", "cannot read template: " + e.getMessage(), file.toString(),
          "check the file's permissions and encoding (UTF-8)", e);
    }
    return userTemplate(file.getFileName().toString(), text);
  }

  /**
   * Parses user template {@code text} (named {@code name} in errors), checks the parsed template against
   * the policy (docs/security.md) and makes its loops and macros stoppable at the time limit. Text with the seed's
   * {@code {{ name }}} placeholders is translated to FreeMarker first.
   *
   * @param name the template's name, used in error locations
   * @param text the template's text
   * @return the parsed template, ready to run
   * @throws RenderException {@code COS-TPL-003} if the text does not parse
   * @throws TemplateRejectedException if it uses a construct the sandbox forbids
   */
  public Template userTemplate(String name, String text) {
    boolean seed = SeedVariables.usesSeedSyntax(text);
    try {
      Template t = new Template(name, seed ? SeedVariables.translate(text) : text, user);
      TemplatePolicy.check(t);
      BoundedTemplateRun.makeInterruptible(t);
      if (seed) {
        t.setCustomAttribute(SEED_SYNTAX, Boolean.TRUE);
      }
      return t;
    } catch (ParseException e) {
      throw new RenderException("COS-TPL-003", "template syntax error: " + e.getEditorMessage(),
          name + ":" + e.getLineNumber() + ":" + e.getColumnNumber(), "see docs/templates.md", e);
    } catch (IOException e) {
      throw new RenderException("COS-TPL-003", "template cannot be parsed: " + e.getMessage(), name, null, e);
    }
  }

  /** Built-in templates by name; class-path resources never change while the renderer lives. */
  private final Map<String, Template> builtIn = new java.util.concurrent.ConcurrentHashMap<>();

  private Template template(Configuration cfg, String name, String fallback) {
    return builtIn.computeIfAbsent(cfg.getOutputFormat().getName() + ":" + name, k -> load(cfg, name, fallback));
  }

  private static Template load(Configuration cfg, String name, String fallback) {
    try {
      try {
        return cfg.getTemplate(name);
      } catch (TemplateNotFoundException e) {
        return cfg.getTemplate(fallback);
      }
    } catch (IOException e) {
      throw new RenderException("COS-TPL-004", "built-in template missing or broken: " + e.getMessage(), name, null, e);
    }
  }

  private String run(Template t, Map<String, Object> tree, Map<String, String> seed) {
    String s;
    try {
      s = BoundedTemplateRun.run(t, Map.of("pack", tree, "seed", seed), limits);
    } catch (TemplateException e) {
      String msg = String.valueOf(e.getMessageWithoutStackTop());
      if (msg.contains("?new") || msg.contains("?api") || msg.contains("TemplateClassResolver")) {
        throw new TemplateRejectedException(t.getName() + ":" + e.getLineNumber(), msg.lines().findFirst().orElse(msg));
      }
      throw new RenderException("COS-TPL-005", "template failed: " + msg.lines().findFirst().orElse(msg),
          t.getName() + ":" + e.getLineNumber(), "see docs/templates.md for the values a template can use", e);
    } catch (IOException e) {
      throw new RenderException("COS-TPL-005", "template output failed: " + e.getMessage(), t.getName(), null, e);
    }
    return s.endsWith("\n") ? s : s + "\n";
  }

  private String toJson(Map<String, Object> tree) {
    try {
      return json.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new RenderException("COS-RND-002", "cannot write JSON: " + e.getOriginalMessage(), null, null, e);
    }
  }
}
