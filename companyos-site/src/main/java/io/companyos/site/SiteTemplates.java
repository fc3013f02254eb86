package io.companyos.site;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** The FreeMarker set-up of the site's own HTML pages: auto-escaped, locale- and zone-independent. */
final class SiteTemplates {
  private static final Configuration HTML = configure();

  private SiteTemplates() {}

  private static Configuration configure() {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(new ClassTemplateLoader(SiteTemplates.class, "/io/companyos/site/templates"));
    cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    return cfg;
  }

  /** Runs {@code name} over {@code model}. */
  static String html(String name, Map<String, Object> model) {
    try {
      StringWriter out = new StringWriter();
      HTML.getTemplate(name).process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("built-in site template " + name + " failed: " + e.getMessage(), e);
    }
  }

  /** {@code text} safe inside a Markdown table cell: pipes escaped, line breaks flattened. */
  static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
  }
}
