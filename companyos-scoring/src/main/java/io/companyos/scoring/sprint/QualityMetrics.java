package io.companyos.scoring.sprint;

import io.companyos.model.data.Build;
import io.companyos.model.data.PullRequest;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Percentiles;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Delivery quality over a window: build success rate = successful / all builds in the window; review
 * turnaround = median hours from opening to first review over pull requests opened in the window that
 * have a review.
 */
public final class QualityMetrics {
  private QualityMetrics() {}

  /**
   * Build success rate: successful builds / all builds with a timestamp in the window.
   *
   * @param builds the builds
   * @param window the half-open window {@code [start, end)}
   * @return the rate in [0, 1]; empty without builds in the window
   */
  public static OptionalDouble buildSuccessRate(List<Build> builds, TimeWindow window) {
    long all = 0;
    long ok = 0;
    for (Build b : builds) {
      if (window.contains(b.timestamp())) {
        all++;
        if (b.success()) {
          ok++;
        }
      }
    }
    return buildSuccessRate(ok, all);
  }

  /**
   * Build success rate from counts: {@code successful / all}. The step {@link #buildSuccessRate(List, TimeWindow)} ends
   * with, for an implementation that counts the builds elsewhere (e.g. on Spark).
   *
   * @param successful the successful builds in the window
   * @param all all builds in the window
   * @return the rate in [0, 1]; empty when {@code all} is 0
   * @throws IllegalArgumentException if a count is negative or {@code successful} exceeds {@code all}
   */
  public static OptionalDouble buildSuccessRate(long successful, long all) {
    if (successful < 0 || successful > all) {
      throw new IllegalArgumentException("successful builds must be in [0, " + all + "], was " + successful);
    }
    return all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) successful / all);
  }

  /**
   * The review turnaround of a window and the pull requests it counts.
   *
   * @param medianHours the median hours from opening to first review, to the minute; empty when none qualifies
   * @param reviewed the ids of the pull requests counted ({@link #reviewed}), in id order, an id once per pull request
   *     (two repositories may use the same id)
   */
  public record ReviewTurnaround(OptionalDouble medianHours, List<String> reviewed) {
    /**
     * Copies the list.
     *
     * @param medianHours the median hours
     * @param reviewed the pull request ids, in id order
     */
    public ReviewTurnaround {
      reviewed = List.copyOf(reviewed);
    }
  }

  /**
   * Review turnaround with its evidence: the median of {@link #turnaroundMinutes} ÷ 60 over the pull requests
   * {@link #reviewed} in the window, and their ids.
   *
   * @param prs the pull requests
   * @param window the half-open window {@code [start, end)}
   * @return the median hours and the ids counted
   */
  public static ReviewTurnaround reviewTurnaround(List<PullRequest> prs, TimeWindow window) {
    List<PullRequest> counted = reviewed(prs, window);
    double[] h = counted.stream().mapToDouble(p -> turnaroundMinutes(p) / 60.0).toArray();
    return new ReviewTurnaround(Percentiles.median(h), counted.stream().map(PullRequest::prId).sorted().toList());
  }

  /**
   * Whole minutes from a pull request's opening to its first review, as {@code Duration.toMinutes()} gives them:
   * truncated toward zero (a review 30 seconds before the recorded opening is 0 minutes).
   *
   * @param pr a pull request with a first review
   * @return the minutes
   * @throws NullPointerException if it has no first review
   */
  public static long turnaroundMinutes(PullRequest pr) {
    return Duration.between(pr.openedAt(), java.util.Objects.requireNonNull(pr.firstReviewAt(), "firstReviewAt")).toMinutes();
  }

  /**
   * Review turnaround: median hours from opening to first review of the pull requests {@link #reviewed} in the
   * window.
   *
   * @param prs the pull requests
   * @param window the half-open window {@code [start, end)}
   * @return the median in hours, to the minute; empty when none qualifies
   */
  public static OptionalDouble reviewTurnaroundHours(List<PullRequest> prs, TimeWindow window) {
    return reviewTurnaround(prs, window).medianHours();
  }

  /**
   * The pull requests opened in {@code window} that have a first review: what the review turnaround counts.
   *
   * @param prs the pull requests
   * @param window the half-open window {@code [start, end)}
   * @return those pull requests, in the order given
   */
  public static List<PullRequest> reviewed(List<PullRequest> prs, TimeWindow window) {
    return prs.stream().filter(p -> window.contains(p.openedAt()) && p.firstReviewAt() != null).toList();
  }

  /**
   * Pull requests open at {@code at}: opened at or before it, and neither merged nor closed at or before it.
   *
   * @param prs the pull requests
   * @param at the instant
   * @return the open pull requests, oldest first
   */
  public static List<PullRequest> openAt(List<PullRequest> prs, java.time.Instant at) {
    return prs.stream().filter(p -> !p.openedAt().isAfter(at))
        .filter(p -> (p.mergedAt() == null || p.mergedAt().isAfter(at)) && (p.closedAt() == null || p.closedAt().isAfter(at)))
        .sorted(java.util.Comparator.comparing(PullRequest::openedAt)).toList();
  }

  /**
   * Hours a pull request has been open at {@code at}, to the minute.
   *
   * @param pr the pull request
   * @param at the instant
   * @return the hours from its opening to {@code at}
   */
  public static double openHours(PullRequest pr, java.time.Instant at) {
    return Duration.between(pr.openedAt(), at).toMinutes() / 60.0;
  }
}
