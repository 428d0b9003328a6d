package com.incidentflow.change;

import static com.incidentflow.process.IncidentDriver.importance;
import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.urgency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.intake.ApiClient;
import com.incidentflow.metrics.IncidentMetrics.SuspectedChanges;
import com.incidentflow.metrics.IncidentMetricsService;
import com.incidentflow.metrics.MetricsPeriod;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.step.StepValidationException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/**
 * The change feed on an incident (状況の確認 3): changes recorded over the real API are offered on
 * "Confirm the situation"; a suspected one reaches the timeline, the report, the manager's mail and
 * its author. Each test keeps to a year of its own, as the database is shared by the whole run.
 */
@IncidentFlowTest
class SuspectedChangeTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired FormService forms;
  @Autowired TestRestTemplate http;
  @Autowired IncidentMetricsService metrics;

  IncidentDriver driver;
  ApiClient api;
  String service;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new IncidentDriver(engine);
    api = new ApiClient(http);
    service = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Records a change as a CI job would, and answers its id. */
  String change(String service, String changedAt, String summary, ObjectNode author) {
    ObjectNode body = ApiClient.JSON.createObjectNode()
        .put("sourceId", UUID.randomUUID().toString())
        .put("service", service)
        .put("environment", "production")
        .put("version", "3.1.0")
        .put("summary", summary)
        .put("link", "https://git.example.com/" + service + "/pull/" + summary.length())
        .put("changedAt", changedAt);
    body.set("author", author);
    ApiClient.Answer answer = api.postWithBearer(ChangeController.PATH, body.toString(), ChangeFeedApiTest.TOKEN);
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().path("change").path("id").asText();
  }

  static ObjectNode user(String id, String name) {
    return ApiClient.JSON.createObjectNode().put("user", id).put("name", name);
  }

  static ObjectNode person(String name, String email) {
    return ApiClient.JSON.createObjectNode().put("name", name).put("email", email);
  }

  ProcessInstance report(String occurredAt, String services) {
    Map<String, Object> report = IncidentDriver.report("Ledger totals are off");
    report.put(Variables.OCCURRED_AT, occurredAt);
    if (services != null) {
      report.put(Variables.SERVICES, services);
    }
    return driver.report("emma", report);
  }

  /** The checklist's options as the form reads them (form variables, the valuesKey). */
  List<String[]> options(ProcessInstance incident) {
    Task task = driver.task(incident, Tasks.CONFIRM_SITUATION);
    VariableMap shown = forms.getTaskFormVariables(task.getId());
    SpinJsonNode options = (SpinJsonNode) shown.getValue(Variables.RECENT_CHANGE_OPTIONS, Object.class);
    List<String[]> result = new ArrayList<>();
    options.elements().forEach(o -> result.add(new String[] {o.prop("value").stringValue(), o.prop("label").stringValue()}));
    return result;
  }

  static Map<String, Object> confirmed(String recentChange, String... suspected) {
    Map<String, Object> values = IncidentDriver.values(
        Variables.USER_ACTION, "Closed the month in the ledger",
        Variables.RECENT_CHANGE, recentChange);
    // As Tasklist submits a checklist: a JSON array.
    values.put(Variables.SUSPECTED_CHANGES, SpinValues.jsonValue(ApiClient.JSON.valueToTree(List.of(suspected)).toString()).create());
    return values;
  }

  @Test
  void shouldOfferExactlyTheChangesBeforeTheIncidentInItsServices() {
    String newest = change(service, "2032-05-10T07:00:00+09:00", "Switch ledger rounding", user("kenji", "Kenji Engineer"));
    String older = change(service.toUpperCase(), "2032-05-08T12:00:00+09:00", "Cache exchange rates", person("Dana External", "dana@example.org"));
    change(service, "2032-05-07T08:59:00+09:00", "Too long before", person("Old Timer", "old@example.org"));
    change(service, "2032-05-10T09:30:00+09:00", "After the incident", person("Late Comer", "late@example.org"));
    change("other-" + service, "2032-05-10T08:00:00+09:00", "Another service", person("Else Where", "else@example.org"));

    ProcessInstance incident = report("2032-05-10T09:00:00+09:00", "payments, " + service);

    List<String[]> options = options(incident);
    assertThat(options).extracting(o -> o[0]).containsExactly(newest, older, "NONE");
    assertThat(options.get(0)[1])
        .isEqualTo("2032-05-10 07:00 " + service + " 3.1.0 (production) — Switch ledger rounding — Kenji Engineer — https://git.example.com/"
            + service + "/pull/22");
    assertThat(options.get(1)[1]).contains("Cache exchange rates — Dana External <dana@example.org> — https://");
    SpinJsonNode recent = (SpinJsonNode) driver.variable(incident, Variables.RECENT_CHANGES);
    assertThat(recent.elements()).hasSize(2);
  }

  @Test
  void shouldOfferAllServicesWhenNoneNamedAndNothingWhenNoChange() {
    String first = change(service, "2033-01-20T10:00:00Z", "Tune the ledger pool", person("Ann Ops", "ann@example.org"));
    String second = change("other-" + service, "2033-01-20T11:00:00Z", "Rotate keys", person("Bo Sec", "bo@example.org"));

    ProcessInstance anyService = report("2033-01-20T12:00:00Z", null);
    ProcessInstance quiet = report("2033-06-01T12:00:00Z", null);

    assertThat(options(anyService)).extracting(o -> o[0]).containsExactly(second, first, "NONE");
    assertThat(options(quiet)).isEmpty();
    // Without changes the step is confirmed as before.
    driver.complete(quiet, Tasks.CONFIRM_SITUATION, "emma", IncidentDriver.situation());
    assertThat(quiet).isWaitingAt(Tasks.PROVISIONAL_IMPACT);
  }

  @Test
  void shouldRefuseChoicesNotOfferedOrContradictory() {
    String offered = change(service, "2034-02-01T08:00:00Z", "Offered change", person("Ann Ops", "ann@example.org"));
    String elsewhere = change("other-" + service, "2034-02-01T08:00:00Z", "Not offered", person("Bo Sec", "bo@example.org"));
    ProcessInstance incident = report("2034-02-01T09:00:00Z", service);

    assertThatThrownBy(() -> driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", confirmed("YES", elsewhere)))
        .isInstanceOf(StepValidationException.class).hasMessageContaining("not '" + elsewhere + "'");
    assertThatThrownBy(() -> driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", confirmed("YES", offered, "NONE")))
        .isInstanceOf(StepValidationException.class).hasMessageContaining("cannot be suspected and none be related");
    assertThatThrownBy(() -> driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", confirmed("NO", offered)))
        .isInstanceOf(StepValidationException.class).hasMessageContaining("must be Yes when a change is marked");
    assertThatThrownBy(() -> driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", confirmed("UNKNOWN")))
        .isInstanceOf(StepValidationException.class).hasMessageContaining("mark the suspected changes, or that none");
    assertThat(incident).isWaitingAt(Tasks.CONFIRM_SITUATION);

    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", confirmed("NO", "NONE"));
    assertThat(incident).isWaitingAt(Tasks.PROVISIONAL_IMPACT);
    assertThat(driver.variable(incident, Variables.SUSPECTED_CHANGE)).isNull();
  }

  @Test
  void shouldReportSuspectedChangeAndAskItsAuthor() throws Exception {
    String suspected = change(service, "2035-03-03T07:00:00+09:00", "Switch ledger rounding", user("kenji", "Kenji Engineer"));
    String innocent = change(service, "2035-03-02T07:00:00+09:00", "Cache exchange rates", person("Dana External", "dana@example.org"));
    MetricsPeriod today = new MetricsPeriod(LocalDate.now(ZoneOffset.UTC).minusDays(1), LocalDate.now(ZoneOffset.UTC).plusDays(1));
    SuspectedChanges before = metrics.suspectedChanges(today);

    ProcessInstance incident = report("2035-03-03T09:00:00+09:00", service);
    String number = incident.getBusinessKey();
    assertThat(options(incident)).extracting(o -> o[0]).containsExactly(suspected, innocent, "NONE");
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", confirmed("YES", suspected));
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    driver.runJobs(incident);

    String inWords = service + " 3.1.0 (production) — Switch ledger rounding by Kenji Engineer (https://git.example.com/" + service + "/pull/22)";
    MimeMessage report = Mails.withSubjectContaining(smtp, number + "] Ledger totals are off — Report to the manager").get(0);
    assertThat(Mails.body(report).replace("\r\n", "\n")).contains("Suspected change:\n  " + inWords).doesNotContain("Cache exchange rates");

    MimeMessage asked = Mails.withSubjectContaining(smtp, number + "] Ledger totals are off — Your change is suspected").get(0);
    assertThat(Mails.recipients(asked)).containsExactly("kenji@example.com");
    assertThat(Mails.body(asked)).contains(inWords);

    JsonNode timeline = api.get("/api/incidents/{number}/timeline", number).body();
    JsonNode confirmation = null;
    for (JsonNode entry : timeline.path("entries")) {
      if (Tasks.CONFIRM_SITUATION.equals(entry.path("step").asText())) {
        confirmation = entry;
      }
    }
    assertThat(confirmation).isNotNull();
    List<String> marked = new ArrayList<>();
    confirmation.path("fields").forEach(f -> {
      if (Variables.SUSPECTED_CHANGES.equals(f.path("name").asText())) {
        marked.add(f.path("value").asText());
      }
    });
    assertThat(marked).singleElement().asString()
        .contains("Switch ledger rounding — Kenji Engineer — https://git.example.com/" + service + "/pull/22")
        .doesNotContain("Cache exchange rates");

    String markdown = http.withBasicAuth("emma", "emma")
        .exchange("/api/incidents/{number}/report.md", HttpMethod.GET, HttpEntity.EMPTY, String.class, number).getBody();
    assertThat(markdown).contains("Switch ledger rounding — Kenji Engineer");

    driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("MEDIUM"));
    driver.runJobs(incident);
    driver.complete(incident, Tasks.JUDGE_URGENCY, "maria", urgency("NOT_URGENT"));
    driver.runJobs(incident);
    assertThat(incident).isWaitingAt(Tasks.INVESTIGATE).task().hasCandidateUser("kenji").hasCandidateGroup("engineers");

    SuspectedChanges after = metrics.suspectedChanges(today);
    assertThat(after.reported()).isEqualTo(before.reported() + 1);
    assertThat(after.withSuspectedChange()).isEqualTo(before.withSuspectedChange() + 1);
    JsonNode api = http.withBasicAuth("maria", "maria").getForObject("/api/metrics", JsonNode.class);
    assertThat(api.path("suspectedChanges").path("withSuspectedChange").asLong()).isGreaterThanOrEqualTo(1);
  }
}
