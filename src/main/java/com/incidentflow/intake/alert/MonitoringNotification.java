package com.incidentflow.intake.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One notification about an alert group, whichever monitoring tool sent it: what the intake needs
 * from Alertmanager's and Grafana's payloads, already validated. De-duplication, the incident's start
 * form and the timeline work on this, so both tools behave alike.
 *
 * @param groupKey the key de-duplication uses (alert_group.group_key), unique across tools
 * @param title the tool's own title of the notification, the last resort for the incident's title
 */
public record MonitoringNotification(
    Source source,
    String groupKey,
    String status,
    String receiver,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    String externalURL,
    Integer truncatedAlerts,
    String title,
    List<MonitoredAlert> alerts) {

  public static final String FIRING = "firing";
  public static final String RESOLVED = "resolved";

  public MonitoringNotification {
    groupLabels = groupLabels == null ? Map.of() : groupLabels;
    commonLabels = commonLabels == null ? Map.of() : commonLabels;
    commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
    alerts = List.copyOf(alerts);
  }

  public boolean firing() {
    return FIRING.equals(status);
  }

  /** The monitoring tools the intake understands, by the names people know them by. */
  public enum Source {
    ALERTMANAGER("Alertmanager", "Prometheus Alertmanager"),
    GRAFANA("Grafana", "Grafana Alerting");

    private final String shortName;
    private final String fullName;

    Source(String shortName, String fullName) {
      this.shortName = shortName;
      this.fullName = fullName;
    }

    public String shortName() {
      return shortName;
    }

    public String fullName() {
      return fullName;
    }
  }

  /**
   * One alert of the group. Links a tool does not send are null; Grafana's silence, dashboard, panel
   * and image links and its query values only come from Grafana.
   */
  public record MonitoredAlert(
      String status,
      Map<String, String> labels,
      Map<String, String> annotations,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String generatorURL,
      String silenceURL,
      String dashboardURL,
      String panelURL,
      String imageURL,
      Map<String, Object> values) {

    public MonitoredAlert {
      labels = labels == null ? Map.of() : labels;
      annotations = annotations == null ? Map.of() : annotations;
      values = values == null ? Map.of() : values;
      generatorURL = blankToNull(generatorURL);
      silenceURL = blankToNull(silenceURL);
      dashboardURL = blankToNull(dashboardURL);
      panelURL = blankToNull(panelURL);
      imageURL = blankToNull(imageURL);
    }

    /** Grafana sends "" for links it does not have. */
    private static String blankToNull(String text) {
      return text == null || text.isBlank() ? null : text;
    }
  }
}
