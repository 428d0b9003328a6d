package com.incidentflow.intake.alert;

import com.incidentflow.intake.IncidentReport;
import com.incidentflow.intake.alert.MonitoringNotification.MonitoredAlert;
import com.incidentflow.process.Choices.ReportSource;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fills the start form from an alert group, so that an alert-opened incident reads like any other:
 * the summary as title, labels, annotations and links to the graphs as the report's details.
 */
final class AlertReport {

  static final String ALERTNAME = "alertname";
  static final String SUMMARY = "summary";
  static final String DESCRIPTION = "description";
  /** A label naming the affected client, if the alert rules set one. */
  static final String CLIENT = "client";
  static final String SERVICE = "service";

  // The start form's lengths (processes/incident-reported.form).
  static final int TITLE_MAX = 200;
  static final int CLIENTS_MAX = 500;
  static final int TEXT_MAX = 4000;
  static final int URL_MAX = 2000;

  private AlertReport() {}

  static IncidentReport of(MonitoringNotification n) {
    MonitoredAlert first = n.alerts().get(0);
    return new IncidentReport(
        fit(title(n, first), TITLE_MAX),
        ReportSource.MONITORING,
        fit(n.commonLabels().get(CLIENT), CLIENTS_MAX),
        // The usual Prometheus label naming the service: its recent changes are offered first.
        fit(n.commonLabels().get(SERVICE), CLIENTS_MAX),
        fit(
            "No user action: " + n.source().fullName()
                + (n.receiver() == null ? "" : " (receiver " + n.receiver() + ")")
                + " reported alert group " + n.groupKey()
                + " with " + n.alerts().size() + " alert(s).",
            TEXT_MAX),
        fit(firstNonBlank(n.commonAnnotations().get(DESCRIPTION), first.annotations().get(DESCRIPTION)), TEXT_MAX),
        // Where an engineer sees the problem: Grafana's panel or dashboard, else the query behind the alert.
        link(first.panelURL(), first.dashboardURL(), first.generatorURL(), n.externalURL()),
        link(n.alerts().stream().map(MonitoredAlert::imageURL).toArray(String[]::new)),
        fit(details(n), TEXT_MAX),
        n.alerts().stream().map(MonitoredAlert::startsAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(OffsetDateTime.now()));
  }

  static String title(MonitoringNotification n, MonitoredAlert first) {
    String title =
        firstNonBlank(
            n.commonAnnotations().get(SUMMARY),
            first.annotations().get(SUMMARY),
            n.groupLabels().get(ALERTNAME),
            n.commonLabels().get(ALERTNAME),
            first.labels().get(ALERTNAME),
            n.title());
    return title != null ? title : "Alert " + n.groupKey();
  }

  /** Everything monitoring said, for the engineer who confirms the situation. */
  static String details(MonitoringNotification n) {
    StringBuilder text = new StringBuilder();
    text.append(n.source().shortName()).append(" group ").append(n.groupKey()).append(" (").append(n.status()).append(")\n");
    if (n.externalURL() != null) {
      text.append(n.source().shortName()).append(": ").append(n.externalURL()).append('\n');
    }
    if (!n.commonLabels().isEmpty()) {
      text.append("Common labels: ").append(pairs(n.commonLabels())).append('\n');
    }
    for (MonitoredAlert alert : n.alerts()) {
      text.append("\n[").append(alert.status() == null ? n.status() : alert.status()).append("] ")
          .append(pairs(alert.labels())).append(" since ").append(alert.startsAt()).append('\n');
      new TreeMap<>(alert.annotations()).forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
      if (!alert.values().isEmpty()) {
        text.append("  values: ").append(pairs(alert.values())).append('\n');
      }
      line(text, "source", alert.generatorURL());
      line(text, "dashboard", alert.dashboardURL());
      line(text, "panel", alert.panelURL());
      line(text, "image", alert.imageURL());
      line(text, "silence", alert.silenceURL());
    }
    if (n.truncatedAlerts() != null && n.truncatedAlerts() > 0) {
      text.append("\n(").append(n.truncatedAlerts()).append(" more alerts were truncated by ").append(n.source().shortName()).append(")\n");
    }
    return text.toString().strip();
  }

  private static void line(StringBuilder text, String name, String url) {
    if (url != null) {
      text.append("  ").append(name).append(": ").append(url).append('\n');
    }
  }

  private static String pairs(Map<String, ?> labels) {
    return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  /** A link too long for the form is left out rather than cut into a broken one. */
  private static String link(String... candidates) {
    return Stream.of(candidates).filter(u -> u != null && !u.isBlank() && u.length() <= URL_MAX).findFirst().orElse(null);
  }

  private static String firstNonBlank(String... candidates) {
    return Stream.of(candidates).filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
  }

  static String fit(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1) + "…";
  }
}
