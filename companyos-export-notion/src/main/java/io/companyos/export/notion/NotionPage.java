package io.companyos.export.notion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A Notion page to create: its title and its top-level blocks (from {@link NotionBlocks}). The blocks go
 * out in {@link #batches()}: the first batch as the {@code children} of the create-page request, the
 * others appended to the new page in order. The record keeps its own copies of the blocks and hands out
 * copies, so it cannot be changed from outside.
 */
public record NotionPage(String title, List<ObjectNode> blocks) {
  public NotionPage {
    Objects.requireNonNull(title, "title");
    blocks = blocks.stream().map(ObjectNode::deepCopy).toList();
  }

  /** Copies of the blocks. */
  @Override
  public List<ObjectNode> blocks() {
    return blocks.stream().map(ObjectNode::deepCopy).toList();
  }

  /** The blocks in request-sized batches ({@link NotionBlocks#batches(List)}); empty for a page without blocks. */
  public List<List<ObjectNode>> batches() {
    return NotionBlocks.batches(blocks());
  }

  /**
   * The body of {@code POST /v1/pages}: parent page, title property and the first batch of blocks.
   */
  public ObjectNode createPageRequest(String parentPageId) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("parent").put("type", "page_id").put("page_id", parentPageId);
    body.putObject("properties").putObject("title").set("title", NotionBlocks.richText(title));
    ArrayNode children = body.putArray("children");
    List<List<ObjectNode>> batches = batches();
    if (!batches.isEmpty()) {
      batches.get(0).forEach(children::add);
    }
    return body;
  }

  /** The bodies of {@code PATCH /v1/blocks/{page_id}/children} for the blocks after the first batch, in order. */
  public List<ObjectNode> appendRequests() {
    List<List<ObjectNode>> batches = batches();
    return batches.subList(Math.min(1, batches.size()), batches.size()).stream().map(b -> {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      ArrayNode children = body.putArray("children");
      b.forEach(children::add);
      return body;
    }).toList();
  }
}
