/** Product metrics: active users, stickiness, sessions per user, feature adoption, NPS, churn risk. */
@NullMarked
package io.companyos.scoring.product;

import org.jspecify.annotations.NullMarked;
