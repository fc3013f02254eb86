package io.companyos.render.internal;

import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import java.util.List;

/**
 * "What to act on" (product metrics): the company's product recommendation rules ({@code recommendations.yaml}:
 * feature adoption that dropped, accounts at churn risk with their ARR), up to {@code limit} (5), each with its evidence,
 * impact and owner. Only maps scoring's results to text.
 */
final class ProductOpportunities extends FixedSection {
  ProductOpportunities() {
    super("product_opportunities", List.of(), List.of());
  }

  @Override
  public PackSection assemble(SectionContext ctx) {
    SectionBuilder b = ctx.builder();
    RuleRecommendations.Outcome rules = RuleRecommendations.evaluate(ctx, "product_opportunities");
    rules.items().stream().limit(ctx.integer("limit", 5)).forEach(i -> b.item(i.value()));
    if (!rules.notRun().isEmpty()) {
      b.note("Rules not evaluated: " + String.join("; ", rules.notRun()));
    }
    b.emptyText("No product rule fired: no feature lost adoption beyond its rule's threshold and no account is at churn risk.");
    return b.build();
  }
}
