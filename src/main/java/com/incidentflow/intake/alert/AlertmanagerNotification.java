package com.incidentflow.intake.alert;

import com.incidentflow.intake.alert.MonitoringNotification.MonitoredAlert;
import com.incidentflow.intake.alert.MonitoringNotification.Source;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Alertmanager's webhook payload, version 4
 * (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). Fields Alertmanager
 * may add later are ignored; the ones this app relies on are checked.
 */
@Schema(description = "Alertmanager webhook payload (version 4)")
public record AlertmanagerNotification(
    @NotBlank @Pattern(regexp = "4", message = "must be 4 (Alertmanager webhook payload version 4)") String version,
    @NotBlank @Size(max = 1024) String groupKey,
    Integer truncatedAlerts,
    @NotBlank @Pattern(regexp = FIRING + "|" + RESOLVED, message = "must be firing or resolved") String status,
    @Size(max = 200) String receiver,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    @Size(max = 2000) String externalURL,
    @NotEmpty @Size(max = 1000) List<@NotNull @Valid Alert> alerts) {

  public static final String FIRING = "firing";
  public static final String RESOLVED = "resolved";

  public boolean firing() {
    return FIRING.equals(status);
  }

  public MonitoringNotification toMonitoring() {
    return new MonitoringNotification(
        Source.ALERTMANAGER, groupKey, status, receiver, groupLabels, commonLabels, commonAnnotations, externalURL,
        truncatedAlerts, null,
        alerts.stream()
            .map(a -> new MonitoredAlert(
                a.status(), a.labels(), a.annotations(), a.startsAt(), a.endsAt(), a.generatorURL(), null, null, null, null, null))
            .toList());
  }

  public Map<String, String> groupLabels() {
    return groupLabels == null ? Map.of() : groupLabels;
  }

  public Map<String, String> commonLabels() {
    return commonLabels == null ? Map.of() : commonLabels;
  }

  public Map<String, String> commonAnnotations() {
    return commonAnnotations == null ? Map.of() : commonAnnotations;
  }

  public record Alert(
      @Pattern(regexp = FIRING + "|" + RESOLVED, message = "must be firing or resolved") String status,
      Map<String, String> labels,
      Map<String, String> annotations,
      @NotNull OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      @Size(max = 2000) String generatorURL,
      String fingerprint) {

    public Map<String, String> labels() {
      return labels == null ? Map.of() : labels;
    }

    public Map<String, String> annotations() {
      return annotations == null ? Map.of() : annotations;
    }
  }
}
