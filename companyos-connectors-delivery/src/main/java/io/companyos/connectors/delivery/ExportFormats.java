package io.companyos.connectors.delivery;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import java.util.List;
import java.util.function.BiConsumer;

/** Tells the lists apart by the members of their entries and hands each entry to its reader. */
final class ExportFormats {
  static final String KNOWN = "GitHub deployments, deployment statuses, pull requests or reviews; GitLab deployments or merge requests";

  private ExportFormats() {}

  static void read(LocatedJson root, ReadContext ctx) {
    List<LocatedJson> items = root.isArray() ? root.items() : root.isObject() ? List.of(root) : List.of();
    if (root.isArray() && items.isEmpty()) {
      ctx.format = "empty list";
      return;
    }
    LocatedJson first = items.isEmpty() ? root : items.get(0);
    String format;
    BiConsumer<LocatedJson, ReadContext> reader;
    if (first.has("statuses_url")) {
      format = "GitHub deployments";
      reader = GitHubReader::deployment;
    } else if (first.has("deployment_url") && first.has("state")) {
      format = "GitHub deployment statuses";
      reader = GitHubReader::status;
    } else if (first.has("pull_request_url")) {
      format = "GitHub reviews";
      reader = GitHubReader::review;
    } else if (first.has("number") && first.has("head") && first.has("base")) {
      format = "GitHub pull requests";
      reader = GitHubReader::pull;
    } else if (first.has("iid") && first.has("target_branch")) {
      format = "GitLab merge requests";
      reader = GitLabReader::mergeRequest;
    } else if (first.has("iid") && first.has("status")
        && (first.members().containsKey("environment") || first.members().containsKey("deployable"))) {
      format = "GitLab deployments";
      reader = GitLabReader::deployment;
    } else {
      throw new ExportProblem(DeliveryExportException.UNKNOWN_FORMAT, first,
          "not an export this source reads (" + KNOWN + ")", "see docs/connectors.md for the lists and their marks");
    }
    ctx.format = format;
    for (LocatedJson item : items) {
      ctx.each(item, j -> reader.accept(j, ctx));
    }
  }
}
