package com.incidentflow.intake.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.intake.IncidentReport;
import com.incidentflow.intake.alert.MonitoringNotification.MonitoredAlert;
import com.incidentflow.intake.alert.MonitoringNotification.Source;
import com.incidentflow.process.Choices.ReportSource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an alert group fills the start form, without an engine. */
class AlertReportTest {

  static final OffsetDateTime EARLY = OffsetDateTime.parse("2026-11-25T00:12:30Z");
  static final OffsetDateTime LATE = OffsetDateTime.parse("2026-11-25T00:14:00Z");

  @Test
  void shouldFillTheStartFormFromTheGroup() {
    MonitoringNotification group = notification(
        Map.of("alertname", "HighErrorRate", "client", "Acme Corp", "service", "billing"),
        Map.of("summary", "Billing API answers 5xx", "description", "app-2 returned 500"),
        List.of(alert(LATE, "http://prometheus/graph?a", null), alert(EARLY, "http://prometheus/graph?b", null)));

    IncidentReport report = AlertReport.of(group);

    assertThat(report.title()).isEqualTo("Billing API answers 5xx");
    assertThat(report.reportSource()).isEqualTo(ReportSource.MONITORING);
    assertThat(report.clientsReported()).isEqualTo("Acme Corp");
    assertThat(report.services()).isEqualTo("billing");
    assertThat(report.screenShown()).isEqualTo("app-2 returned 500");
    assertThat(report.userAction()).isEqualTo(
        "No user action: Prometheus Alertmanager (receiver incident-flow) reported alert group {}:{alertname=\"HighErrorRate\"} with 2 alert(s).");
    assertThat(report.url()).as("the first alert's link").isEqualTo("http://prometheus/graph?a");
    assertThat(report.occurredAt()).as("the earliest start").isEqualTo(EARLY);
    assertThat(report.errorText())
        .startsWith("Alertmanager group {}:{alertname=\"HighErrorRate\"} (firing)")
        .contains("Common labels: alertname=HighErrorRate, client=Acme Corp, service=billing")
        .contains("source: http://prometheus/graph?b");
  }

  @Test
  void shouldTitleTheIncidentAfterTheAlertWithoutASummary() {
    MonitoringNotification noSummary = notification(Map.of("alertname", "DiskFull"), Map.of(), List.of(alert(EARLY, null, null)));
    MonitoringNotification nothing = notification(Map.of(), Map.of(), List.of(alert(EARLY, null, null)));

    assertThat(AlertReport.of(noSummary).title()).isEqualTo("DiskFull");
    assertThat(AlertReport.of(nothing).title()).isEqualTo("Alert {}:{alertname=\"HighErrorRate\"}");
  }

  @Test
  void shouldLeaveOutALinkTooLongForTheFormRatherThanCutIt() {
    String tooLong = "http://prometheus/graph?" + "q".repeat(AlertReport.URL_MAX);
    MonitoringNotification group = notification(Map.of(), Map.of(), List.of(alert(EARLY, tooLong, null)));

    assertThat(AlertReport.of(group).url()).isNull();
    assertThat(AlertReport.of(group).screenshotUrl()).isNull();
  }

  @Test
  void shouldCutLongTextToTheFormsLengthWithAnEllipsis() {
    assertThat(AlertReport.fit("x".repeat(201), AlertReport.TITLE_MAX)).hasSize(200).endsWith("x…");
    assertThat(AlertReport.fit("x".repeat(200), AlertReport.TITLE_MAX)).isEqualTo("x".repeat(200));
    assertThat(AlertReport.fit(null, AlertReport.TITLE_MAX)).isNull();
  }

  @Test
  void shouldTakeGrafanasPanelAndImageAsTheReportsLinks() {
    MonitoredAlert grafana = new MonitoredAlert("firing", Map.of("alertname", "Latency"), Map.of(), EARLY, null,
        "https://grafana/alerting/view", "https://grafana/silence", "https://grafana/d/shop", "https://grafana/d/shop?viewPanel=4",
        "https://grafana/render/4.png", Map.of("B", 7.9));
    MonitoringNotification group = new MonitoringNotification(Source.GRAFANA, "grafana:1:{}", "firing", "incident-flow",
        Map.of(), Map.of(), Map.of(), "https://grafana/", 0, "[FIRING:1] Latency", List.of(grafana));

    IncidentReport report = AlertReport.of(group);

    assertThat(report.url()).isEqualTo("https://grafana/d/shop?viewPanel=4");
    assertThat(report.screenshotUrl()).isEqualTo("https://grafana/render/4.png");
    assertThat(report.errorText()).contains("values: B=7.9").contains("silence: https://grafana/silence");
  }

  private static MonitoringNotification notification(Map<String, String> labels, Map<String, String> annotations, List<MonitoredAlert> alerts) {
    return new MonitoringNotification(Source.ALERTMANAGER, "{}:{alertname=\"HighErrorRate\"}", "firing", "incident-flow",
        labels, labels, annotations, null, 0, null, alerts);
  }

  private static MonitoredAlert alert(OffsetDateTime startsAt, String generatorUrl, String imageUrl) {
    return new MonitoredAlert("firing", Map.of(), Map.of(), startsAt, null, generatorUrl, null, null, null, imageUrl, Map.of());
  }
}
