package io.companyos.connectors.delivery;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** GitLab REST API lists, saved as returned: {@code GET /projects/:id/deployments} and {@code .../merge_requests}. */
final class GitLabReader {
  static final List<String> DEPLOYMENT_STATUSES = List.of("created", "running", "success", "failed", "canceled", "blocked", "skipped");
  static final List<String> MR_STATES = List.of("opened", "closed", "locked", "merged");

  private GitLabReader() {}

  static void deployment(LocatedJson j, ReadContext ctx) {
    String id = j.has("iid") ? ReadContext.requireText(j, "iid", "a deployment") : ReadContext.requireText(j, "id", "a deployment");
    String what = "deployment " + id;
    String repo = project(j.at("deployable", "pipeline", "web_url").nonBlank());
    if (repo == null) {
      repo = project(j.at("deployable", "web_url").nonBlank());
    }
    if (repo == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, j.get("deployable"),
          what + " names no project (deployable.pipeline.web_url or deployable.web_url)", null);
    }
    String sha = ReadContext.requireText(j, "sha", what);
    String environment = j.at("environment", "name").nonBlank();
    if (environment == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, j.get("environment"), what + " has no environment.name", null);
    }
    boolean production = ctx.settings.production(environment, "production".equals(j.at("environment", "tier").text()));
    String status = ReadContext.oneOf(j, "status", what, DEPLOYMENT_STATUSES);
    Instant created = ReadContext.requireTime(j, "created_at", what);
    Boolean success = status.equals("success") ? Boolean.TRUE : status.equals("failed") ? Boolean.FALSE : null;
    Instant finished = ReadContext.time(j.get("finished_at"), "finished_at");
    if (finished == null && success != null) {
      finished = ReadContext.time(j.get("updated_at"), "updated_at");
    }
    if (finished != null && finished.isBefore(created)) {
      throw new ExportProblem(DeliveryExportException.INVALID, j, what + " finished (" + finished + ") before it was created (" + created + ")", null);
    }
    ctx.deploys.add(new ReadContext.Deploy(repo, id, sha, environment, production, created, finished, success, false, ctx.order()));
  }

  static void mergeRequest(LocatedJson j, ReadContext ctx) {
    String iid = ReadContext.requireText(j, "iid", "a merge request");
    String what = "merge request !" + iid;
    String full = j.at("references", "full").nonBlank();
    String repo = full != null && full.lastIndexOf('!') > 0 ? full.substring(0, full.lastIndexOf('!')) : project(j.get("web_url").nonBlank());
    if (repo == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, j, what + " names no project (references.full or web_url)", null);
    }
    String title = ReadContext.requireText(j, "title", what);
    String author = j.at("author", "username").nonBlank();
    String state = ReadContext.oneOf(j, "state", what, MR_STATES);
    Instant opened = ReadContext.requireTime(j, "created_at", what);
    Instant merged = ReadContext.time(j.get("merged_at"), "merged_at");
    if (merged == null && state.equals("merged")) {
      merged = ReadContext.time(j.get("updated_at"), "updated_at");
      if (merged == null) {
        throw new ExportProblem(DeliveryExportException.MISSING, j, what + " is merged but has neither merged_at nor updated_at", null);
      }
    }
    Instant closed = ReadContext.time(j.get("closed_at"), "closed_at");
    if (closed == null) {
      closed = merged;
    }
    GitHubReader.notBefore(j, "merged_at", merged, opened, what);
    GitHubReader.notBefore(j, "closed_at", closed, opened, what);
    Set<String> shas = new LinkedHashSet<>();
    if (merged != null) {
      for (String f : List.of("merge_commit_sha", "squash_commit_sha")) {
        String s = j.get(f).nonBlank();
        if (s != null) {
          shas.add(s);
        }
      }
    }
    ctx.prs.add(new ReadContext.Pr(repo + "!" + iid, repo, iid, title, author != null ? author : "ghost", opened, merged, closed,
        Set.copyOf(shas), ReadContext.time(j.get("updated_at"), "updated_at"), ctx.order()));
  }

  /** {@code group/sub/project} of a GitLab web URL ({@code https://gitlab.example.com/group/project/-/pipelines/7}). */
  static @Nullable String project(@Nullable String webUrl) {
    String path = ReadContext.between(webUrl, "://", "/-/");
    if (path == null || path.indexOf('/') < 0) {
      return null;
    }
    String p = path.substring(path.indexOf('/') + 1);
    return p.isEmpty() ? null : p;
  }
}
