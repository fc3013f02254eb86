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
    return all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ok / all);
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
    double[] h = reviewed(prs, window).stream()
        .mapToDouble(p -> Duration.between(p.openedAt(), p.firstReviewAt()).toMinutes() / 60.0).toArray();
    return Percentiles.median(h);
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
