package io.companyos.model.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.time.PeriodKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionSpecTest {

  @Test
  void typedAccessorsReturnTheStoredValues() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("lookback", Duration.ofDays(7));
    params.put("severity", List.of("P1", "P2"));
    params.put("include_budget_remaining", true);
    params.put("threshold", new BigDecimal("0.8"));
    params.put("limit", 3);
    params.put("compare_to", "previous_quarter");
    params.put("title", "Top 3");
    SectionSpec s = new SectionSpec("incident_summary", params);

    assertThat(s.lookback()).contains(Duration.ofDays(7));
    assertThat(s.stringList("severity")).containsExactly("P1", "P2");
    assertThat(s.bool("include_budget_remaining", false)).isTrue();
    assertThat(s.decimal("threshold")).contains(new BigDecimal("0.8"));
    assertThat(s.limit()).contains(3);
    assertThat(s.compareTo()).contains(CompareTo.PREVIOUS_QUARTER);
    assertThat(s.compareTo().orElseThrow().period()).isEqualTo(PeriodKind.QUARTER);
    assertThat(s.title()).contains("Top 3");
    assertThat(s.visibleTo()).isEmpty();
    assertThat(s.duration("missing", Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    assertThat(s.has("missing")).isFalse();
  }

  @Test
  void askingForTheWrongTypeIsAProgrammingError() {
    SectionSpec s = new SectionSpec("deploys", Map.of("lookback", Duration.ofHours(24)));
    assertThatThrownBy(() -> s.string("lookback")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Duration");
  }

  @Test
  void paramsAreCopiedAndUnsupportedTypesRejected() {
    List<String> severities = new ArrayList<>(List.of("P1"));
    SectionSpec s = new SectionSpec("incident_summary", Map.of("severity", severities));
    severities.add("P2");
    assertThat(s.stringList("severity")).containsExactly("P1");
    assertThatThrownBy(() -> new SectionSpec("x", Map.of("bad", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deliveryNeedsTheTargetItsChannelUses() {
    assertThatThrownBy(() -> new Delivery(DeliveryChannel.SLACK, null, "/x")).hasMessageContaining("destination");
    assertThatThrownBy(() -> new Delivery(DeliveryChannel.DASHBOARD, "#x", null)).hasMessageContaining("url");
    assertThat(Delivery.dashboard("/dashboards/finops").target()).isEqualTo("/dashboards/finops");
    assertThat(Delivery.to(DeliveryChannel.EMAIL, "{{recipients}}").toRecipients()).isTrue();
    assertThat(Delivery.to(DeliveryChannel.SLACK, "#ops").toRecipients()).isFalse();
  }

  @Test
  void packNeedsAScheduleOrAMeeting() {
    List<SectionSpec> sections = List.of(SectionSpec.of("deploys"));
    assertThatThrownBy(() -> new PackDefinition("p", "P", null, java.time.ZoneOffset.UTC, null, null, List.of(),
        sections, List.of())).hasMessageContaining("schedule or a meeting");
    PackDefinition p = new PackDefinition("p", "P", null, java.time.ZoneOffset.UTC, "qbr", Duration.ofHours(48),
        List.of(new Recipient("ceo")), sections, List.of());
    assertThat(p.effectiveLeadTime()).isEqualTo(Duration.ofHours(48));
    assertThat(p.trigger()).isEqualTo(new PackTrigger.BeforeMeeting("qbr", Duration.ofHours(48)));
    PackDefinition cron = new PackDefinition("p", "P", "0 8 * * 1", java.time.ZoneOffset.UTC, "ops-review", null,
        List.of(), sections, List.of());
    assertThat(cron.trigger()).isEqualTo(new PackTrigger.Cron("0 8 * * 1", java.time.ZoneOffset.UTC));
    assertThat(p.recipientRoles()).containsExactly("ceo");
  }
}
