package io.companyos.connectors.delivery;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.PullRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Joins what the files state into records: each deployment's outcome from its statuses, each merged pull or merge
 * request to the production deployment that shipped it, first reviews to their pull requests. Entries stated by several
 * files (overlapping pages) count once.
 */
final class Assembly {
  record Result(List<Deployment> deployments, List<Change> changes, List<PullRequest> pullRequests, List<String> notes) {}

  /** A finished production deployment. */
  private record Done(ReadContext.Deploy deploy, Instant at, boolean success, List<String> changes) {}

  private Assembly() {}

  static Result build(List<ReadContext.Deploy> deploys, List<ReadContext.Status> statuses, List<ReadContext.Pr> prs,
      List<ReadContext.Review> reviews) {
    Map<String, ReadContext.Deploy> byKey = new LinkedHashMap<>();
    for (ReadContext.Deploy d : deploys) {
      byKey.merge(d.key(), d, (a, b) -> a.order() > b.order() ? a : b);
    }
    Map<String, Map<String, ReadContext.Status>> statusesOf = new HashMap<>();
    for (ReadContext.Status s : statuses) {
      statusesOf.computeIfAbsent(s.deploymentKey(), k -> new LinkedHashMap<>()).put(s.id(), s);
    }
    List<Done> done = new ArrayList<>();
    int unfinished = 0;
    int elsewhere = 0;
    for (ReadContext.Deploy d : byKey.values()) {
      if (!d.production()) {
        elsewhere++;
        continue;
      }
      Instant at;
      boolean success;
      if (d.github()) {
        ReadContext.Status last = statusesOf.getOrDefault(d.key(), Map.of()).values().stream()
            .filter(s -> s.state().equals("success") || s.state().equals("failure") || s.state().equals("error"))
            .max(Comparator.comparing(ReadContext.Status::createdAt).thenComparing(s -> number(s.id()))).orElse(null);
        if (last == null) {
          unfinished++;
          continue;
        }
        at = last.createdAt();
        success = last.state().equals("success");
      } else {
        if (d.success() == null) {
          unfinished++;
          continue;
        }
        at = d.finishedAt() != null ? d.finishedAt() : d.createdAt();
        success = d.success();
      }
      done.add(new Done(d, at, success, new ArrayList<>()));
    }
    done.sort(Comparator.comparing(Done::at).thenComparing(x -> x.deploy().key()));

    Map<String, ReadContext.Pr> prById = new LinkedHashMap<>();
    for (ReadContext.Pr p : prs) {
      prById.merge(p.id(), p, (a, b) -> {
        if (a.updatedAt() != null && b.updatedAt() != null && !a.updatedAt().equals(b.updatedAt())) {
          return a.updatedAt().isAfter(b.updatedAt()) ? a : b;
        }
        return a.order() > b.order() ? a : b;
      });
    }
    Map<String, Instant> firstReview = new HashMap<>();
    Map<String, ReadContext.Review> reviewById = new LinkedHashMap<>();
    reviews.forEach(r -> reviewById.put(r.repo() + "#" + r.id(), r));
    for (ReadContext.Review r : reviewById.values()) {
      firstReview.merge(r.repo() + "#" + r.number(), r.submittedAt(), (a, b) -> a.isBefore(b) ? a : b);
    }

    List<ReadContext.Pr> ordered = new ArrayList<>(prById.values());
    ordered.sort(Comparator.comparing(ReadContext.Pr::openedAt).thenComparing(ReadContext.Pr::id));
    List<PullRequest> pullRequests = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    int undeployed = 0;
    for (ReadContext.Pr p : ordered) {
      pullRequests.add(new PullRequest(p.id(), p.title(), p.author(), p.repo(), p.openedAt(),
          p.id().contains("#") ? firstReview.get(p.id()) : null, p.mergedAt(), p.closedAt()));
      if (p.mergedAt() == null) {
        continue;
      }
      changes.add(new Change(p.id(), p.openedAt()));
      Done shipped = shippedBy(p, done);
      if (shipped != null) {
        shipped.changes().add(p.id());
      } else {
        undeployed++;
      }
    }
    List<Deployment> deployments = new ArrayList<>();
    for (Done d : done) {
      deployments.add(new Deployment(d.deploy().key(), d.at(), d.changes(), d.success() ? DeployStatus.SUCCESS : DeployStatus.FAILURE));
    }
    changes.sort(Comparator.comparing(Change::timeCreated).thenComparing(Change::changeId));
    List<String> notes = new ArrayList<>();
    if (unfinished > 0) {
      notes.add(count(unfinished, "production deployment") + " without a final status left out");
    }
    if (elsewhere > 0) {
      notes.add(count(elsewhere, "deployment") + " to other environments left out");
    }
    if (undeployed > 0 && !done.isEmpty()) {
      notes.add(count(undeployed, "merged change") + " not deployed yet");
    }
    return new Result(List.copyOf(deployments), List.copyOf(changes), List.copyOf(pullRequests), notes);
  }

  /**
   * The successful production deployment of the same repository that shipped a merged request: the first (by the time
   * it finished) that deploys its merge commit or was created at or after the merge.
   */
  private static @Nullable Done shippedBy(ReadContext.Pr p, List<Done> done) {
    for (Done d : done) {
      if (d.success() && d.deploy().repo().equals(p.repo())
          && (p.mergeShas().contains(d.deploy().sha()) || !d.deploy().createdAt().isBefore(p.mergedAt()))) {
        return d;
      }
    }
    return null;
  }

  private static long number(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
