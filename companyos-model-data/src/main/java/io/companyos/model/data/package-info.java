/** Typed rows that metric sources return and scoring consumes (incidents, deployments, costs, ...). */
@NullMarked
package io.companyos.model.data;

import org.jspecify.annotations.NullMarked;
