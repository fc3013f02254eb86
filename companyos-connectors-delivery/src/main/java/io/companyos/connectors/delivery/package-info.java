/**
 * The {@code delivery-exports} source: deployments, changes and pull requests read from the JSON the GitHub REST API
 * (deployments, deployment statuses, pull requests, reviews) and the GitLab REST API (deployments, merge requests)
 * return, served as {@link io.companyos.model.data.Deployment}, {@link io.companyos.model.data.Change} and
 * {@link io.companyos.model.data.PullRequest} (see docs/connectors.md).
 */
@NullMarked
package io.companyos.connectors.delivery;

import org.jspecify.annotations.NullMarked;
