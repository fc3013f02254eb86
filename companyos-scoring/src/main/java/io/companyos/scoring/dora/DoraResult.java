package io.companyos.scoring.dora;

import io.companyos.model.time.TimeWindow;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The DORA keys for one window. A key without data (no deployments, no incidents resolved) is
 * empty and has no level; it never counts as 0.
 *
 * @param deployments deployments created in the window
 * @param deploysPerDay deployments / window length in days
 * @param deployDaysPerWeek distinct UTC days with a deployment / (window days / 7)
 * @param leadTimeHoursMedian median hours from change creation to its first deployment, over changes
 *     first deployed in the window
 * @param changeFailureRate failed or incident-causing deployments / deployments, in [0, 1]
 * @param timeToRestoreHoursMedian median hours created → resolved over incidents resolved in the window
 * @param overall the lowest level among deployment frequency, lead time, change fail rate and failed deployment
 *     recovery time that have one (null when none has)
 * @param changeFailuresResolved incidents naming a root-cause deployment resolved in the window
 * @param failedDeploymentRecoveryHoursMedian median hours created → resolved over those incidents
 * @param reworkDeployments deployments in the window made while a change-caused incident was open
 * @param reworkRate reworkDeployments / deployments, in [0, 1]
 * @param benchmark the report year whose bands gave the levels
 * @param evidence the ids of the records behind each number
 */
public record DoraResult(
    TimeWindow window,
    long deployments,
    OptionalDouble deploysPerDay,
    OptionalDouble deployDaysPerWeek,
    @Nullable DoraLevel deploymentFrequencyLevel,
    long changesDeployed,
    OptionalDouble leadTimeHoursMedian,
    @Nullable DoraLevel leadTimeLevel,
    long failedDeployments,
    OptionalDouble changeFailureRate,
    @Nullable DoraLevel changeFailureLevel,
    long incidentsResolved,
    OptionalDouble timeToRestoreHoursMedian,
    @Nullable DoraLevel timeToRestoreLevel,
    @Nullable DoraLevel overall,
    long changeFailuresResolved,
    OptionalDouble failedDeploymentRecoveryHoursMedian,
    @Nullable DoraLevel failedDeploymentRecoveryLevel,
    long reworkDeployments,
    OptionalDouble reworkRate,
    DoraBenchmark benchmark,
    DoraEvidence evidence) {}
