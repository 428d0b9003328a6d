package com.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which deliveries go first when jobs queue up. */
class DeliveryPriorityTest {

  private final DeliveryPriority priority = new DeliveryPriority();

  @Test
  void shouldPutTheHandOversSomeoneActsOnBeforeThoseThatInform() {
    assertThat(priority.of("MANAGER_REPORT")).isEqualTo(DeliveryPriority.ACT_NOW);
    assertThat(priority.of("JUDGEMENT_OVERDUE")).isEqualTo(DeliveryPriority.ACT_NOW);
    assertThat(priority.of("FIRST_RESPONSE_OVERDUE")).isEqualTo(DeliveryPriority.ACT_NOW);
    assertThat(priority.of("HELP_REQUESTED")).isEqualTo(DeliveryPriority.ACT_NOW);
    assertThat(priority.of("CHANGE_AUTHOR_ASKED")).isEqualTo(DeliveryPriority.ACT_NOW);
    assertThat(priority.of("STATUS_UPDATE_DUE")).isEqualTo(DeliveryPriority.ACT_NOW);
    assertThat(priority.of("PRIORITY_DECIDED")).isEqualTo(DeliveryPriority.INFORM);
    assertThat(priority.of("IMPACT_REPORTED")).isEqualTo(DeliveryPriority.INFORM);
    assertThat(priority.of("ETA_CHANGED")).isEqualTo(DeliveryPriority.INFORM);
    assertThat(priority.of("ALERT_RESOLVED")).isEqualTo(DeliveryPriority.INFORM);
    assertThat(priority.of("RESOLVED")).isEqualTo(DeliveryPriority.INFORM);
    assertThat(DeliveryPriority.ACT_NOW).isGreaterThan(DeliveryPriority.INFORM);
  }

  @Test
  void shouldInformForANameItDoesNotKnowRatherThanFailTheStep() {
    assertThat(priority.of("NO_SUCH_KIND")).isEqualTo(DeliveryPriority.INFORM);
    assertThat(priority.of(null)).isEqualTo(DeliveryPriority.INFORM);
  }
}
