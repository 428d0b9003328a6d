package com.incidentflow.intake.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.incidentflow.intake.alert.MonitoringNotification.MonitoredAlert;
import com.incidentflow.intake.alert.MonitoringNotification.Source;
import com.incidentflow.process.IncidentProcess.Variables;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeverityHintTest {

  static final SeverityHint DEFAULTS = new SeverityHint(new AlertProperties(null, null, null, null));

  @SafeVarargs
  static MonitoringNotification group(Map<String, String> common, Map<String, String>... alertLabels) {
    List<MonitoredAlert> alerts = Arrays.stream(alertLabels)
        .map(labels -> new MonitoredAlert("firing", labels, Map.of(), OffsetDateTime.now(), null, null, null, null, null, null, null))
        .toList();
    return new MonitoringNotification(Source.GRAFANA, "k", "firing", null, Map.of(), common, Map.of(), null, 0, null, alerts);
  }

  @Test
  void shouldSuggestTheImportanceOfTheGroupsCommonSeverity() {
    assertThat(DEFAULTS.variables(group(Map.of("severity", "Warning"), Map.of("severity", "Warning"))))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Variables.ALERT_SEVERITY, "Warning", Variables.SUGGESTED_IMPORTANCE, "MEDIUM"));
  }

  @Test
  void shouldSuggestTheHighestImportanceWhenTheAlertsDisagree() {
    assertThat(DEFAULTS.variables(group(Map.of(), Map.of("severity", "info"), Map.of("severity", "critical"), Map.of())))
        .containsEntry(Variables.ALERT_SEVERITY, "critical")
        .containsEntry(Variables.SUGGESTED_IMPORTANCE, "HIGH");
  }

  @Test
  void shouldSuggestNothingWithoutAKnownSeverity() {
    assertThat(DEFAULTS.variables(group(Map.of("severity", "page"), Map.of("severity", "page")))).isEmpty();
    assertThat(DEFAULTS.variables(group(Map.of(), Map.of("priority", "critical")))).isEmpty();
  }

  @Test
  void shouldReadTheConfiguredLabelAndMapping() {
    SeverityHint hint = new SeverityHint(new AlertProperties(null, "priority", Map.of("P1", "high", "P3", "Low"), null));

    assertThat(hint.variables(group(Map.of(), Map.of("priority", "p3"), Map.of("severity", "critical"))))
        .containsEntry(Variables.ALERT_SEVERITY, "p3")
        .containsEntry(Variables.SUGGESTED_IMPORTANCE, "LOW");
  }

  @Test
  void shouldRefuseToStartWithAMappingManagersCouldNotChoose() {
    assertThatThrownBy(() -> new AlertProperties(null, null, Map.of("critical", "URGENT"), null))
        .hasMessageContaining("incident-flow.alerts.severity-importance.critical must be HIGH, MEDIUM or LOW, not 'URGENT'");
    assertThatThrownBy(() -> new AlertProperties(null, null, Map.of("critical", "ALREADY_HANDLED"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
