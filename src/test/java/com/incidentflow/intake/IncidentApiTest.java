package com.incidentflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.intake.ApiClient.Answer;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.number.IncidentNumberService;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

/** POST and GET /api/incidents over real HTTP against the real engine. */
@IncidentFlowTest
@Tag("postgres") // our own SQL: also runs against PostgreSQL (./mvnw verify -Ppostgres, pom.xml)
class IncidentApiTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService taskService;
  @Autowired IdentityService identity;
  @Autowired IncidentReporting incidents;
  @LocalServerPort int port;

  ApiClient api;
  IncidentDriver driver;
  /** Makes this test's incidents findable among all others in the shared database. */
  String marker;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    driver = new IncidentDriver(engine);
    marker = "M" + UUID.randomUUID().toString().substring(0, 8);
  }

  static ObjectNode report(String title) {
    ObjectNode body = ApiClient.JSON.createObjectNode();
    body.put(Variables.TITLE, title);
    body.put(Variables.REPORT_SOURCE, "CLIENT");
    body.put(Variables.CLIENTS_REPORTED, "Acme Corp");
    body.put(Variables.USER_ACTION, "Saved an invoice in the billing screen");
    body.put(Variables.SCREEN_SHOWN, "A blank page");
    body.put(Variables.URL, "https://app.example.com/billing/invoices/42");
    body.put(Variables.ERROR_TEXT, "500 Internal Server Error");
    body.put(Variables.OCCURRED_AT, "2026-11-25T09:12:00+09:00");
    return body;
  }

  long incidentCount() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).count();
  }

  @Test
  void shouldReportIncidentAndStartTheProcessWithTheStartFormsVariables() {
    Answer created = api.post("/api/incidents", report(marker + " invoices cannot be saved").toString());

    assertThat(created.status()).isEqualTo(201);
    String number = created.body().path("number").asText();
    assertThat(IncidentNumberService.FORMAT.matcher(number).matches()).as(number).isTrue();
    assertThat(created.headers().getLocation()).hasToString("/api/incidents/" + number);

    ProcessInstance incident = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(incident.getId()).isEqualTo(created.body().path("processInstanceId").asText());
    Map<String, Object> variables = runtime.getVariables(incident.getId());
    assertThat(variables)
        .containsEntry(Variables.INCIDENT_NUMBER, number)
        .containsEntry(Variables.TITLE, marker + " invoices cannot be saved")
        .containsEntry(Variables.REPORT_SOURCE, "CLIENT")
        .containsEntry(Variables.CLIENTS_REPORTED, "Acme Corp")
        .containsEntry(Variables.OCCURRED_AT, "2026-11-25T09:12:00+09:00")
        .doesNotContainKey(Variables.SCREENSHOT_URL);
    assertThat(driver.openTasks(incident, Tasks.CONFIRM_SITUATION)).hasSize(1);
  }

  @Test
  void shouldStartTheProcessAsTheLoggedInUser() {
    // What the security filter does for every /api request before the controller runs.
    identity.setAuthentication("kenji", List.of("engineers"));
    try {
      String number = incidents.report(ApiClient.JSON.convertValue(report(marker), IncidentReport.class)).number();
      ProcessInstance incident = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
      assertThat(runtime.getVariable(incident.getId(), Variables.REPORTED_BY)).isEqualTo("kenji");
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void shouldRefuseReportMissingRequiredFieldsNamingThemAndStartNothing() {
    long before = incidentCount();
    ObjectNode incomplete = report(" ");
    incomplete.remove(Variables.USER_ACTION);
    incomplete.remove(Variables.OCCURRED_AT);

    Answer refused = api.post("/api/incidents", incomplete.toString());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.errorFields()).containsExactlyInAnyOrder(Variables.TITLE, Variables.USER_ACTION, Variables.OCCURRED_AT);
    assertThat(refused.errorMessage(Variables.TITLE)).isEqualTo("'件名 / Title' is required");
    assertThat(refused.body().path("status").asInt()).isEqualTo(400);
    assertThat(refused.body().path("instance").asText()).isEqualTo("/api/incidents");
    assertThat(refused.body().toString()).doesNotContain("Exception", "at com.");
    assertThat(incidentCount()).isEqualTo(before);
  }

  @Test
  void shouldRefuseOverLongTitle() {
    long before = incidentCount();
    Answer refused = api.post("/api/incidents", report("x".repeat(201)).toString());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorFields()).containsExactly(Variables.TITLE);
    assertThat(refused.errorMessage(Variables.TITLE)).contains("longer than 200 characters");
    assertThat(incidentCount()).isEqualTo(before);
  }

  @Test
  void shouldRefuseUnknownReportSource() {
    Answer refused = api.post("/api/incidents", report(marker).put(Variables.REPORT_SOURCE, "PIGEON").toString());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorFields()).containsExactly(Variables.REPORT_SOURCE);
    assertThat(refused.errorMessage(Variables.REPORT_SOURCE)).contains("CLIENT, CS, MONITORING, ENGINEER, OTHER").contains("PIGEON");
  }

  @Test
  void shouldRefuseWrongTypesUnknownFieldsAndBadDates() {
    long before = incidentCount();
    Answer number = api.post("/api/incidents", report(marker).put(Variables.TITLE, 42).toString());
    Answer typo = api.post("/api/incidents", report(marker).put("tittle", "Typo").toString());
    Answer noOffset = api.post("/api/incidents", report(marker).put(Variables.OCCURRED_AT, "yesterday").toString());
    Answer array = api.post("/api/incidents", "[]");

    assertThat(number.status()).isEqualTo(400);
    assertThat(number.errorFields()).containsExactly(Variables.TITLE);
    assertThat(number.errorMessage(Variables.TITLE)).isEqualTo("must be a string, not '42'");
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.errorFields()).containsExactly("tittle");
    assertThat(noOffset.status()).isEqualTo(400);
    assertThat(noOffset.errorFields()).containsExactly(Variables.OCCURRED_AT);
    assertThat(array.status()).isEqualTo(400);
    assertThat(incidentCount()).isEqualTo(before);
  }

  @Test
  void shouldRefuseMalformedJson() {
    Answer refused = api.post("/api/incidents", "{\"title\": \"Unclosed");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.body().path("detail").asText()).contains("not valid JSON");
  }

  @Test
  void shouldRefuseABodyThatIsNotJson() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.TEXT_PLAIN);
    var refused = http.withBasicAuth("emma", "emma")
        .exchange("/api/incidents", org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>("Invoices broke", headers), String.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(415);
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
  }

  @Test
  void shouldRefuseOversizedBodyWith413() throws Exception {
    long before = incidentCount();
    ObjectNode huge = report(marker).put(Variables.ERROR_TEXT, "x".repeat(300 * 1024));

    Answer declared = api.post("/api/incidents", huge.toString());

    // Without a declared length (chunked) the body is cut off while it is read.
    HttpResponse<String> chunked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents"))
                    .header(HttpHeaders.CONTENT_TYPE, "application/json")
                    .header(HttpHeaders.AUTHORIZATION, "Basic ZW1tYTplbW1h")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.toString().getBytes(StandardCharsets.UTF_8))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.contentType()).isEqualTo("application/problem+json");
    assertThat(declared.body().path("title").asText()).isEqualTo("Request body too large");
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
    assertThat(incidentCount()).isEqualTo(before);
  }

  @Test
  void shouldListIncidentsNewestFirstAndFilterThem() {
    String first = api.post("/api/incidents", report(marker + " first").toString()).body().path("number").asText();
    String second =
        api.post("/api/incidents", report(marker + " second").put(Variables.CLIENTS_REPORTED, "Globex 100%").toString())
            .body().path("number").asText();
    String third = api.post("/api/incidents", report(marker + " third").toString()).body().path("number").asText();
    ProcessInstance judged = driver.reportAndJudge(marker + " judged", "ALL", "HIGH", "URGENT");

    Answer all = api.get("/api/incidents?text={text}", marker);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body().path("total").asLong()).isEqualTo(4);
    assertThat(numbers(all.body())).containsExactly(judged.getBusinessKey(), third, second, first);

    assertThat(numbers(api.get("/api/incidents?text={text}&size=2", marker).body())).containsExactly(judged.getBusinessKey(), third);
    assertThat(numbers(api.get("/api/incidents?text={text}&size=2&page=1", marker).body())).containsExactly(second, first);
    assertThat(numbers(api.get("/api/incidents?text={text}", marker.toLowerCase() + " SECOND").body())).containsExactly(second);
    assertThat(numbers(api.get("/api/incidents?text={text}", second).body())).containsExactly(second);
    assertThat(numbers(api.get("/api/incidents?text={text}&client={client}", marker, "globex 100%").body())).containsExactly(second);
    assertThat(numbers(api.get("/api/incidents?text={text}&client={client}", marker, "100_").body())).isEmpty();
    assertThat(numbers(api.get("/api/incidents?text={text}&priority=p1", marker).body())).containsExactly(judged.getBusinessKey());
    assertThat(numbers(api.get("/api/incidents?text={text}&state=open", marker).body())).hasSize(4);

    runtime.deleteProcessInstance(judged.getId(), "closed by an operator in Cockpit");
    assertThat(numbers(api.get("/api/incidents?text={text}&state=closed", marker).body())).containsExactly(judged.getBusinessKey());
    assertThat(numbers(api.get("/api/incidents?text={text}&state=open", marker).body())).containsExactly(third, second, first);

    JsonNode entry = api.get("/api/incidents?text={text}&priority=P1", marker).body().path("incidents").get(0);
    assertThat(entry.path("title").asText()).isEqualTo(marker + " judged");
    assertThat(entry.path("state").asText()).isEqualTo("CLOSED");
    assertThat(entry.path("priority").asText()).isEqualTo("P1");
    assertThat(entry.path("location").asText()).isEqualTo("/api/incidents/" + judged.getBusinessKey());
  }

  @Test
  void shouldRefuseUnknownFilterValues() {
    Answer priority = api.get("/api/incidents?priority=P9");
    Answer state = api.get("/api/incidents?state=maybe");
    Answer size = api.get("/api/incidents?size=1000");
    Answer page = api.get("/api/incidents?page=two");

    assertThat(priority.status()).isEqualTo(400);
    assertThat(priority.errorFields()).containsExactly("priority");
    assertThat(priority.errorMessage("priority")).contains("P1, P2, P3, P4");
    assertThat(state.status()).isEqualTo(400);
    assertThat(state.errorFields()).containsExactly("state");
    assertThat(size.status()).isEqualTo(400);
    assertThat(size.errorFields()).containsExactly("size");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void shouldShowOneIncidentWithItsStepsHoldersEtaClientsAndLinks() {
    ProcessInstance incident = driver.reportAndJudge(marker + " month-end invoices", "SOME", "HIGH", "URGENT");
    Map<String, Object> firstResponse = IncidentDriver.firstResponse();
    firstResponse.put(Variables.ETA, "2026-11-26T18:00:00+09:00");
    driver.complete(incident, Tasks.FIRST_RESPONSE, "kenji", firstResponse);
    Task investigation = driver.task(incident, Tasks.INVESTIGATE);
    taskService.claim(investigation.getId(), "emma");

    Answer details = api.get("/api/incidents/{number}", incident.getBusinessKey());

    assertThat(details.status()).isEqualTo(200);
    JsonNode body = details.body();
    assertThat(body.path("number").asText()).isEqualTo(incident.getBusinessKey());
    assertThat(body.path("title").asText()).isEqualTo(marker + " month-end invoices");
    assertThat(body.path("state").asText()).isEqualTo("OPEN");
    assertThat(body.path("priority").asText()).isEqualTo("P1");
    assertThat(body.path("reportedBy").asText()).isEqualTo("emma");
    assertThat(body.path("eta").asText()).isEqualTo("2026-11-26T18:00:00+09:00");
    assertThat(body.path("impactScope").asText()).isEqualTo("SOME");
    assertThat(body.path("affectedClients")).extracting(JsonNode::asText).containsExactly("Acme Corp");
    assertThat(body.path("currentSteps")).hasSize(1);
    JsonNode step = body.path("currentSteps").get(0);
    assertThat(step.path("key").asText()).isEqualTo(Tasks.INVESTIGATE);
    assertThat(step.path("assignee").asText()).isEqualTo("emma");
    assertThat(step.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("engineers");
    assertThat(step.path("tasklist").asText()).isEqualTo("http://incident-flow.test/camunda/app/tasklist/default/#/?task=" + investigation.getId());
    assertThat(body.path("links").path("cockpit").asText())
        .isEqualTo("http://incident-flow.test/camunda/app/cockpit/default/#/process-instance/" + incident.getId() + "/runtime");
    assertThat(body.path("links").path("tasklist").asText()).isEqualTo("http://incident-flow.test/camunda/app/tasklist/default/");
    assertThat(body.path("alert").isNull()).isTrue();
  }

  @Test
  void shouldAnswerWhatNoControllerTakesWithTheProblemBody() {
    Answer unknownPath = api.get("/api/no-such-thing");
    assertThat(unknownPath.status()).isEqualTo(404);
    assertThat(unknownPath.contentType()).isEqualTo("application/problem+json");
    assertThat(unknownPath.body().path("instance").asText()).isEqualTo("/api/no-such-thing");
    assertThat(unknownPath.errorMessage("")).isNotBlank();

    var wrongMethod = http.withBasicAuth("emma", "emma").exchange(
        "/api/incidents", org.springframework.http.HttpMethod.DELETE, null, String.class);
    assertThat(wrongMethod.getStatusCode().value()).isEqualTo(405);
    assertThat(wrongMethod.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(ApiClient.read(wrongMethod.getBody()).path("errors").get(0).path("message").asText())
        .isEqualTo("Method 'DELETE' is not supported.");

    // The evidence endpoint declares its media type: Spring MVC refuses before it picks the controller.
    HttpHeaders text = new HttpHeaders();
    text.setContentType(org.springframework.http.MediaType.TEXT_PLAIN);
    var wrongType = http.withBasicAuth("emma", "emma").exchange("/api/incidents/INC-1999-9999/evidence",
        org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>("a thought", text), String.class);
    assertThat(wrongType.getStatusCode().value()).isEqualTo(415);
    assertThat(wrongType.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(ApiClient.read(wrongType.getBody()).path("errors").get(0).path("field").asText()).isEmpty();
  }

  @Test
  void shouldAnswer404ForAnUnknownIncident() {
    Answer missing = api.get("/api/incidents/{number}", "INC-1999-9999");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).isEqualTo("application/problem+json");
    assertThat(missing.body().path("detail").asText()).isEqualTo("No incident INC-1999-9999 exists");
  }

  @Test
  void shouldOpen200IncidentsWithDistinctNumbersFor200SimultaneousReports() throws Exception {
    List<Answer> answers =
        ApiClient.simultaneously(200, 50, () -> api.post("/api/incidents", report(marker + " storm").toString()));

    assertThat(answers).extracting(Answer::status).containsOnly(201);
    List<String> numbers = answers.stream().map(a -> a.body().path("number").asText()).toList();
    assertThat(numbers).hasSize(200).doesNotHaveDuplicates().allMatch(n -> IncidentNumberService.FORMAT.matcher(n).matches());
    assertThat(api.get("/api/incidents?text={text}", marker).body().path("total").asLong()).isEqualTo(200);
  }

  private static List<String> numbers(JsonNode page) {
    return page.path("incidents").findValuesAsText("number");
  }
}
