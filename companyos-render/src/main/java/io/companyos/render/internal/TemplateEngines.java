package io.companyos.render.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.core.TemplateClassResolver;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Reader;
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

  /**
   * The configuration for user (override) templates: the Markdown settings, with a loader that serves
   * the macro library {@code /lib.ftl} and nothing else, so that no user template can reach another
   * file, whatever name it asks for.
   */
  public static Configuration userMarkdown() {
    Configuration cfg = configure(MarkdownOutputFormat.INSTANCE, TEMPLATE_ROOT + "/markdown");
    cfg.setTemplateLoader(new LibraryOnlyLoader(new ClassTemplateLoader(TemplateEngines.class, TEMPLATE_ROOT + "/markdown")));
    return cfg;
  }

  /** Serves {@code lib.ftl} from the wrapped loader; every other name is not found. */
  private static final class LibraryOnlyLoader implements TemplateLoader {
    private final TemplateLoader delegate;

    LibraryOnlyLoader(TemplateLoader delegate) {
      this.delegate = delegate;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
      return "lib.ftl".equals(name) ? delegate.findTemplateSource(name) : null;
    }

    @Override
    public long getLastModified(Object source) {
      return delegate.getLastModified(source);
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
      return delegate.getReader(source, encoding);
    }

    @Override
    public void closeTemplateSource(Object source) throws IOException {
      delegate.closeTemplateSource(source);
    }
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
