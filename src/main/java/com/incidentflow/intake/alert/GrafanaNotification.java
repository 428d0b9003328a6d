package com.incidentflow.intake.alert;

import com.incidentflow.intake.alert.MonitoringNotification.MonitoredAlert;
import com.incidentflow.intake.alert.MonitoringNotification.Source;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Grafana Alerting's webhook contact point payload, version 1
 * (https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/):
 * Alertmanager's fields plus orgId, per-alert links (silence, dashboard, panel, image) and values, and
 * the deprecated title/state/message. Fields Grafana may add later are ignored, and so are state and
 * message; the ones this app relies on are checked.
 */
@Schema(description = "Grafana Alerting webhook contact point payload (version 1)")
public record GrafanaNotification(
    @NotBlank @Pattern(regexp = "1", message = "must be 1 (Grafana Alerting webhook payload version 1)") String version,
    @NotNull @PositiveOrZero Long orgId,
    // Stored with a "grafana:<orgId>:" prefix in alert_group.group_key (1024 characters).
    @NotBlank @Size(max = 990) String groupKey,
    Integer truncatedAlerts,
    @NotBlank @Pattern(regexp = FIRING + "|" + RESOLVED, message = "must be firing or resolved") String status,
    @Size(max = 200) String receiver,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    @Size(max = 2000) String externalURL,
    // Not limited: Grafana templates it from the labels; it is cut to the form's length when used.
    @Schema(description = "Deprecated by Grafana; used as the incident's title only when no summary or alertname exists")
        String title,
    @NotEmpty @Size(max = 1000) List<@NotNull @Valid Alert> alerts) {

  public static final String FIRING = MonitoringNotification.FIRING;
  public static final String RESOLVED = MonitoringNotification.RESOLVED;
  /** Grafana's group keys are unique per organisation only, and may equal an Alertmanager key. */
  static final String KEY_PREFIX = "grafana:";

  public MonitoringNotification toMonitoring() {
    return new MonitoringNotification(
        Source.GRAFANA, KEY_PREFIX + orgId + ":" + groupKey, status, receiver, groupLabels, commonLabels, commonAnnotations,
        externalURL, truncatedAlerts, title,
        alerts.stream()
            .map(a -> new MonitoredAlert(
                a.status(), a.labels(), a.annotations(), a.startsAt(), a.endsAt(), a.generatorURL(), a.silenceURL(),
                a.dashboardURL(), a.panelURL(), a.imageURL(), a.values()))
            .toList());
  }

  /** @param values the query results that made the alert fire, by query ref id (e.g. "B": 44.2) */
  public record Alert(
      @Pattern(regexp = FIRING + "|" + RESOLVED, message = "must be firing or resolved") String status,
      Map<String, String> labels,
      Map<String, String> annotations,
      @NotNull OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      Map<String, Object> values,
      @Size(max = 2000) String generatorURL,
      String fingerprint,
      @Size(max = 2000) String silenceURL,
      @Size(max = 2000) String dashboardURL,
      @Size(max = 2000) String panelURL,
      @Size(max = 2000) String imageURL) {}
}
