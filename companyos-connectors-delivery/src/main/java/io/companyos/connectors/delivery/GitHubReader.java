package io.companyos.connectors.delivery;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * GitHub REST API lists, saved as returned: {@code GET /repos/{owner}/{repo}/deployments},
 * {@code .../deployments/{id}/statuses}, {@code .../pulls?state=all} and {@code .../pulls/{number}/reviews}.
 */
final class GitHubReader {
  static final List<String> STATUS_STATES = List.of("error", "failure", "inactive", "in_progress", "queued", "pending", "success");

  private GitHubReader() {}

  static void deployment(LocatedJson j, ReadContext ctx) {
    String id = ReadContext.requireText(j, "id", "a deployment");
    String what = "deployment " + id;
    String repo = ReadContext.between(j.get("repository_url").nonBlank(), "/repos/", null);
    if (repo == null) {
      repo = ReadContext.between(j.get("url").nonBlank(), "/repos/", "/deployments/");
    }
    if (repo == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, j, what + " names no repository (repository_url or url)", null);
    }
    String sha = ReadContext.requireText(j, "sha", what);
    String environment = first(j.get("environment").nonBlank(), j.get("original_environment").nonBlank());
    if (environment == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, j.get("environment"), what + " has no environment", null);
    }
    LocatedJson marked = j.get("production_environment");
    boolean production = ctx.settings.production(environment, marked.type == LocatedJson.Type.BOOLEAN && "true".equals(marked.scalar()));
    Instant created = ReadContext.requireTime(j, "created_at", what);
    ctx.deploys.add(new ReadContext.Deploy(repo, id, sha, environment, production, created, null, null, true, ctx.order()));
  }

  static void status(LocatedJson j, ReadContext ctx) {
    String id = ReadContext.requireText(j, "id", "a deployment status");
    String what = "deployment status " + id;
    LocatedJson url = j.get("deployment_url");
    String u = url.nonBlank();
    if (u == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, url, what + " has no deployment_url", null);
    }
    String repo = ReadContext.between(u, "/repos/", "/deployments/");
    String deployment = ReadContext.between(u, "/deployments/", null);
    if (repo == null || deployment == null || deployment.contains("/")) {
      throw new ExportProblem(DeliveryExportException.INVALID, url, what + ": deployment_url '" + u + "' names no repository and deployment", null);
    }
    String state = ReadContext.oneOf(j, "state", what, STATUS_STATES);
    Instant created = ReadContext.requireTime(j, "created_at", what);
    ctx.statuses.add(new ReadContext.Status(repo, deployment, id, state, created));
  }

  static void pull(LocatedJson j, ReadContext ctx) {
    String number = ReadContext.requireText(j, "number", "a pull request");
    String what = "pull request #" + number;
    String repo = j.at("base", "repo", "full_name").nonBlank();
    if (repo == null) {
      repo = ReadContext.between(j.get("url").nonBlank(), "/repos/", "/pulls/");
    }
    if (repo == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, j, what + " names no repository (base.repo.full_name or url)", null);
    }
    String title = ReadContext.requireText(j, "title", what);
    String author = j.at("user", "login").nonBlank();
    ReadContext.oneOf(j, "state", what, List.of("open", "closed"));
    Instant opened = ReadContext.requireTime(j, "created_at", what);
    Instant merged = ReadContext.time(j.get("merged_at"), "merged_at");
    Instant closed = ReadContext.time(j.get("closed_at"), "closed_at");
    notBefore(j, "merged_at", merged, opened, what);
    notBefore(j, "closed_at", closed, opened, what);
    String sha = merged != null ? j.get("merge_commit_sha").nonBlank() : null;
    ctx.prs.add(new ReadContext.Pr(repo + "#" + number, repo, number, title, author != null ? author : "ghost", opened, merged,
        closed, sha != null ? Set.of(sha) : Set.of(), ReadContext.time(j.get("updated_at"), "updated_at"), ctx.order()));
  }

  static void review(LocatedJson j, ReadContext ctx) {
    String id = ReadContext.requireText(j, "id", "a review");
    String what = "review " + id;
    LocatedJson url = j.get("pull_request_url");
    String u = url.nonBlank();
    String repo = ReadContext.between(u, "/repos/", "/pulls/");
    String number = ReadContext.between(u, "/pulls/", null);
    if (repo == null || number == null) {
      throw new ExportProblem(DeliveryExportException.MISSING, url, what + " names no pull request (pull_request_url)", null);
    }
    Instant submitted = ReadContext.time(j.get("submitted_at"), "submitted_at");
    if (submitted == null || "PENDING".equals(j.get("state").text())) {
      return; // a review not submitted yet
    }
    ctx.reviews.add(new ReadContext.Review(repo, number, id, submitted));
  }

  static void notBefore(LocatedJson j, String field, @Nullable Instant t, Instant opened, String what) {
    if (t != null && t.isBefore(opened)) {
      throw new ExportProblem(DeliveryExportException.INVALID, j.get(field), what + ": " + field + " " + t + " is before it was opened ("
          + opened + ")", null);
    }
  }

  static @Nullable String first(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }
}
