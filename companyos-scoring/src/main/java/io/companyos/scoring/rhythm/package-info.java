/** Rhythm-effectiveness KPIs of the seed: start adherence, decision time, action completion, dashboard usage, pack generation. */
@NullMarked
package io.companyos.scoring.rhythm;

import org.jspecify.annotations.NullMarked;
