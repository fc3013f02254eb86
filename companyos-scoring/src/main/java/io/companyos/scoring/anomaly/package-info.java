/**
 * Causal anomaly detection for the "recommendations" highlights: each score uses only the point and
 * earlier ones, as real-time detection requires (and as the Numenta Anomaly Benchmark checks).
 */
@NullMarked
package io.companyos.scoring.anomaly;

import org.jspecify.annotations.NullMarked;
