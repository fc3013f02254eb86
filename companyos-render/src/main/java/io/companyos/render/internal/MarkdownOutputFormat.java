package io.companyos.render.internal;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for Markdown: every {@code ${...}} in a Markdown template is escaped with
 * {@link MarkdownEscaper}, the way {@code .ftlh} templates escape HTML.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markdown> {
  /** The only instance. */
  public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

  private MarkdownOutputFormat() {}

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(MarkdownEscaper.escape(textToEsc));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return MarkdownEscaper.escape(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Markdown newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Markdown(plainTextContent, markupContent);
  }

  /** Markdown text that is already escaped. */
  public static final class Markdown extends CommonTemplateMarkupOutputModel<Markdown> {
    Markdown(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
