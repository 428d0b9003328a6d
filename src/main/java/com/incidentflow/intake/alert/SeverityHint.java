package com.incidentflow.intake.alert;

import com.incidentflow.intake.alert.MonitoringNotification.MonitoredAlert;
import com.incidentflow.process.Choices.Importance;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns the alert's severity label into a suggested importance for the managers' judgement. Only a
 * suggestion: it is shown on the Judge importance form and in the manager's mail, and the manager
 * still chooses (SPEC §2 step 5 — the manager judges after being told).
 */
@Component
public class SeverityHint {

  private final AlertProperties properties;

  public SeverityHint(AlertProperties properties) {
    this.properties = properties;
  }

  /** The severity and the importance it suggests, as process variables; empty without a known severity. */
  public Map<String, Object> variables(MonitoringNotification n) {
    Map<String, Object> variables = new LinkedHashMap<>();
    severity(n).ifPresent(severity -> {
      variables.put(Variables.ALERT_SEVERITY, AlertReport.fit(severity, 100));
      variables.put(Variables.SUGGESTED_IMPORTANCE, properties.severityImportance().get(severity.toLowerCase(Locale.ROOT)));
    });
    return variables;
  }

  /**
   * The group's common severity; when its alerts differ, the one suggesting the highest importance
   * (assume the worst, as SPEC §3 does before the priority is known).
   */
  Optional<String> severity(MonitoringNotification n) {
    String label = properties.severityLabel();
    String common = n.commonLabels().get(label);
    if (known(common)) {
      return Optional.of(common.strip());
    }
    return n.alerts().stream()
        .map(MonitoredAlert::labels)
        .map(labels -> labels.get(label))
        .filter(this::known)
        .map(String::strip)
        .min(Comparator.comparing(s -> Importance.valueOf(properties.severityImportance().get(s.toLowerCase(Locale.ROOT)))));
  }

  private boolean known(String severity) {
    return severity != null && properties.severityImportance().containsKey(severity.strip().toLowerCase(Locale.ROOT));
  }
}
