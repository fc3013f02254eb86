package io.companyos.site;

/**
 * Pieces of a pack's own HTML rendering for embedding it in a dashboard page: the body content with
 * its anchors made unique per pack (a page can hold several packs), and its style sheet.
 */
final class HtmlFragments {
  private HtmlFragments() {}

  /** What lies between {@code <body>} and {@code </body>}, anchors prefixed with {@code prefix}. */
  static String body(String html, String prefix) {
    int start = html.indexOf("<body>");
    int end = html.lastIndexOf("</body>");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("not a pack page: no <body> element");
    }
    return html.substring(start + "<body>".length(), end).strip()
        .replace("id=\"", "id=\"" + prefix + "-").replace("href=\"#", "href=\"#" + prefix + "-");
  }

  /** The content of the page's first {@code <style>} element; empty when it has none. */
  static String style(String html) {
    int start = html.indexOf("<style>");
    int end = html.indexOf("</style>");
    return start < 0 || end < start ? "" : html.substring(start + "<style>".length(), end).strip();
  }
}
