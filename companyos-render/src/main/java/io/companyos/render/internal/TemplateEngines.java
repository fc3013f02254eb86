package io.companyos.render.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.core.TemplateClassResolver;
import freemarker.template.TemplateExceptionHandler;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Builds the FreeMarker {@link Configuration}s, one per renderer, all with the same safety settings:
 * {@code incompatibleImprovements} = the FreeMarker version in use, errors rethrown, a wrapper that only
 * accepts maps, lists, strings, numbers and booleans, no {@code ?new} class resolution, no {@code ?api},
 * {@link Locale#ROOT} and UTC so that output never depends on the machine.
 */
public final class TemplateEngines {
  static final String TEMPLATE_ROOT = "/io/companyos/render/templates";

  private TemplateEngines() {}

  /** The configuration for Markdown templates ({@code markdown/*.ftl}), escaping with {@link MarkdownOutputFormat}. */
  public static Configuration markdown() {
    return configure(MarkdownOutputFormat.INSTANCE, TEMPLATE_ROOT + "/markdown");
  }

  /** The configuration for HTML templates ({@code html/*.ftlh}), escaping HTML. */
  public static Configuration html() {
    return configure(HTMLOutputFormat.INSTANCE, TEMPLATE_ROOT + "/html");
  }

  private static Configuration configure(OutputFormat format, String root) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(new ClassTemplateLoader(TemplateEngines.class, root));
    cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
    cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setBooleanFormat("c");
    cfg.setOutputFormat(format);
    cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setLocalizedLookup(false);
    cfg.setWhitespaceStripping(true);
    return cfg;
  }
}
