package com.incidentflow.intake.alert;

import com.incidentflow.process.Choices.Importance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token the bearer token Alertmanager and Grafana present; blank disables token access,
 *     leaving only the normal API login
 * @param severityLabel the alert label whose value suggests an importance to the managers
 * @param severityImportance label value (any case) → suggested importance HIGH, MEDIUM or LOW
 * @param numberWait how long a repeat waits for the number of an incident another notification is
 *     still opening before it is answered 202 with a Location to poll
 */
@ConfigurationProperties("incident-flow.alerts")
public record AlertProperties(
    String token, String severityLabel, Map<String, String> severityImportance, Duration numberWait) {

  static final Map<String, String> DEFAULT_SEVERITY_IMPORTANCE =
      Map.of("critical", "HIGH", "error", "HIGH", "warning", "MEDIUM", "info", "LOW");

  public AlertProperties {
    severityLabel = severityLabel == null || severityLabel.isBlank() ? "severity" : severityLabel.strip();
    Map<String, String> mapping = new LinkedHashMap<>();
    (severityImportance == null || severityImportance.isEmpty() ? DEFAULT_SEVERITY_IMPORTANCE : severityImportance)
        .forEach((value, importance) -> mapping.put(value.toLowerCase(Locale.ROOT), checked(value, importance)));
    severityImportance = Map.copyOf(mapping);
    numberWait = numberWait == null ? Duration.ofSeconds(10) : numberWait;
    if (numberWait.isNegative()) {
      throw new IllegalArgumentException("incident-flow.alerts.number-wait must not be negative: " + numberWait);
    }
  }

  public boolean tokenConfigured() {
    return token != null && !token.isBlank();
  }

  /** A misspelt importance would show managers a suggestion they cannot choose: refuse to start. */
  private static String checked(String value, String importance) {
    String upper = importance == null ? "" : importance.strip().toUpperCase(Locale.ROOT);
    if (!upper.equals(Importance.HIGH.name()) && !upper.equals(Importance.MEDIUM.name()) && !upper.equals(Importance.LOW.name())) {
      throw new IllegalArgumentException(
          "incident-flow.alerts.severity-importance." + value + " must be HIGH, MEDIUM or LOW, not '" + importance + "'");
    }
    return upper;
  }
}
