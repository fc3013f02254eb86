/** Sprint and quality metrics: committed vs delivered, velocity, cycle time, bug escapes, builds, reviews. */
@NullMarked
package io.companyos.scoring.sprint;

import org.jspecify.annotations.NullMarked;
