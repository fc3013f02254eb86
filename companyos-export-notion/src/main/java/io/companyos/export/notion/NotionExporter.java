package io.companyos.export.notion;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.render.PackDocument;
import io.companyos.render.export.PackExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code notion} format: the Notion API requests that create the pack as a page, as one JSON file
 * ({@code <pack>.notion.json}) that {@link NotionClient} or any HTTP tool can send.
 *
 * <pre>{@code
 * {
 *   "format" : "companyos.notion/v1",
 *   "title" : "Weekly Ops Review - 2026-W47",
 *   "createPage" : { "method" : "POST", "path" : "/v1/pages", "body" : { parent, properties, children } },
 *   "appendChildren" : [ { "method" : "PATCH", "path" : "/v1/blocks/{page_id}/children", "body" : { children } } ]
 * }
 * }</pre>
 *
 * <p>{@code body.parent.page_id} is the placeholder {@value #PARENT_PLACEHOLDER}; {@code {page_id}} in
 * the append paths stands for the id Notion returns for the created page. Every {@code children} array
 * respects the limits of {@link NotionBlocks}. Output is deterministic: keys in a fixed order, two-space
 * indentation, {@code \n} line ends and a trailing newline.
 */
public final class NotionExporter implements PackExporter {
  /** Stands for the parent page id in the exported create-page request. */
  public static final String PARENT_PLACEHOLDER = "{parent_page_id}";
  /** Stands for the created page's id in the exported append paths. */
  public static final String PAGE_PLACEHOLDER = "{page_id}";
  /** Value of the top-level {@code format} key. */
  public static final String SCHEMA = "companyos.notion/v1";

  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent));
  }

  @Override
  public String format() {
    return "notion";
  }

  @Override
  public String fileExtension() {
    return "notion.json";
  }

  @Override
  public String mediaType() {
    return "application/json";
  }

  @Override
  public void export(PackDocument doc, OutputStream out) throws IOException {
    out.write(json(NotionBlocks.page(doc)).getBytes(StandardCharsets.UTF_8));
  }

  /** The exported JSON of {@code page}. */
  public static String json(NotionPage page) throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", SCHEMA);
    root.put("title", page.title());
    ObjectNode create = root.putObject("createPage");
    create.put("method", "POST");
    create.put("path", NotionClient.PAGES_PATH);
    create.set("body", page.createPageRequest(PARENT_PLACEHOLDER));
    ArrayNode append = root.putArray("appendChildren");
    List<ObjectNode> rest = page.appendRequests();
    for (ObjectNode body : rest) {
      ObjectNode req = append.addObject();
      req.put("method", "PATCH");
      req.put("path", NotionClient.childrenPath(PAGE_PLACEHOLDER));
      req.set("body", body);
    }
    return WRITER.writeValueAsString(root) + "\n";
  }
}
