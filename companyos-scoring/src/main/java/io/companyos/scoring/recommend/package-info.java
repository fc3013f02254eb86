/**
 * Recommendations from explicit rules ({@link io.companyos.model.recommend.RecommendationRules}): each carries the
 * numbers that triggered it, its estimated impact in the KPI's unit or in dollars, and its owner role. Also the
 * evidence-ranked wins of leadership packs ({@link io.companyos.scoring.recommend.Wins}).
 */
@NullMarked
package io.companyos.scoring.recommend;

import org.jspecify.annotations.NullMarked;
