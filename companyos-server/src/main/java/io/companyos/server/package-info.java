/**
 * The dashboard server: the seed's dashboards at their URLs, the pack archive in every export format and a live
 * health badge, behind sign-in (a users file or OIDC) with the dashboards' access levels and the packs' section
 * visibility enforced by Spring Security. Start it with {@link io.companyos.server.DashboardServer} or import
 * {@link io.companyos.server.DashboardWebConfiguration} into a Spring Boot application.
 */
@NullMarked
package io.companyos.server;

import org.jspecify.annotations.NullMarked;
