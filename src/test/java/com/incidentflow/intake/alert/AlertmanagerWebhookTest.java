package com.incidentflow.intake.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.intake.ApiClient;
import com.incidentflow.intake.ApiClient.Answer;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * POST /api/alerts/alertmanager over real HTTP with Alertmanager's own payload format. No job is run
 * here (an incident's first mail waits for the provisional impact), so no SMTP server is needed.
 */
@IncidentFlowTest
@Tag("postgres") // our own SQL: also runs against PostgreSQL (./mvnw verify -Ppostgres, pom.xml)
class AlertmanagerWebhookTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;

  private static final String OUTSIDER_PASSWORD = "Reports-Nothing-42!";
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  ApiClient api;
  /** Each test's own group: the database is shared by every test of the run. */
  String groupKey;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    groupKey = "{}/{severity=\"critical\"}:{alertname=\"HighErrorRate\", run=\"" + UUID.randomUUID() + "\"}";
  }

  ObjectNode firing() {
    return ApiClient.fixture("firing.json").put("groupKey", groupKey);
  }

  ObjectNode resolved() {
    return ApiClient.fixture("resolved.json").put("groupKey", groupKey);
  }

  Answer send(ObjectNode payload) {
    return api.postWithBearer(AlertController.PATH, payload.toString(), ApiClient.ALERT_TOKEN);
  }

  long incidentsOfGroup() {
    return history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(IncidentProcess.PROCESS_KEY)
        .variableValueLike(Variables.ERROR_TEXT, "%" + groupKey.replace("_", "\\_").replace("%", "\\%") + "%")
        .count();
  }

  Map<String, Object> groupRow() {
    return jdbc.queryForMap("SELECT * FROM alert_group WHERE group_key = ?", groupKey);
  }

  List<String> comments(String processInstanceId) {
    return taskService.getProcessInstanceComments(processInstanceId).stream().map(Comment::getFullMessage).toList();
  }

  @Test
  void shouldOpenAnIncidentFromAFiringGroupWithTheAlertsInTheReport() {
    Answer opened = send(firing());

    assertThat(opened.status()).isEqualTo(201);
    assertThat(opened.body().path("outcome").asText()).isEqualTo("OPENED");
    String number = opened.body().path("incidentNumber").asText();
    assertThat(opened.headers().getLocation()).hasToString("/api/incidents/" + number);

    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    Map<String, Object> variables = runtime.getVariables(pid);
    assertThat(variables)
        .containsEntry(Variables.TITLE, "Billing API answers 5xx to more than 5% of requests")
        .containsEntry(Variables.REPORT_SOURCE, "MONITORING")
        .containsEntry(Variables.CLIENTS_REPORTED, "Acme Corp")
        .containsEntry(Variables.SCREEN_SHOWN, "app-2 returned 500 for 12% of POST /invoices in the last 5 minutes.")
        .containsEntry(Variables.URL, "http://prometheus.example.com:9090/graph?g0.expr=job%3Abilling%3Aerror_ratio%3Arate5m+%3E+0.05&g0.tab=1")
        .containsEntry(Variables.OCCURRED_AT, "2026-11-25T00:12:30.123Z");
    assertThat((String) variables.get(Variables.USER_ACTION)).contains("Alertmanager", "receiver incident-flow", "2 alert(s)");
    assertThat((String) variables.get(Variables.ERROR_TEXT))
        .contains(groupKey, "instance=app-2:8080", "instance=app-3:8080", "runbook_url: https://runbooks.example.com/billing/high-error-rate",
            "source: http://prometheus.example.com:9090/graph", "Alertmanager: http://alertmanager.example.com:9093");

    JsonNode details = api.get("/api/incidents/{number}", number).body();
    assertThat(details.path("reportSource").asText()).isEqualTo("MONITORING");
    assertThat(details.path("alert").path("groupKey").asText()).isEqualTo(groupKey);
    assertThat(details.path("alert").path("repeats").asInt()).isZero();
    assertThat(details.path("alert").path("status").asText()).isEqualTo("FIRING");
  }

  @Test
  void shouldSuggestTheImportanceOfTheSeverityLabelWithoutDecidingIt() {
    String number = send(firing()).body().path("incidentNumber").asText();

    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    assertThat(runtime.getVariables(pid))
        .containsEntry(Variables.ALERT_SEVERITY, "critical")
        .containsEntry(Variables.SUGGESTED_IMPORTANCE, "HIGH")
        .doesNotContainKey(Variables.IMPORTANCE);
  }

  @Test
  void shouldIgnoreFieldsAlertmanagerMayAddLater() {
    ObjectNode payload = firing();
    payload.putObject("futureGroupInfo").put("shard", 3);
    ((ObjectNode) payload.withArray("alerts").get(0)).put("silencedBy", "nobody").putArray("inhibitedBy");

    Answer opened = send(payload);

    assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
    assertThat(incidentsOfGroup()).isEqualTo(1);
  }

  @Test
  void shouldRecordRepeatsOnTheOpenIncidentInsteadOfOpeningAnother() {
    String number = send(firing()).body().path("incidentNumber").asText();

    Answer again = send(firing());
    Answer third = send(firing());

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("outcome").asText()).isEqualTo("REPEATED");
    assertThat(again.body().path("incidentNumber").asText()).isEqualTo(number);
    assertThat(third.body().path("incidentNumber").asText()).isEqualTo(number);
    assertThat(incidentsOfGroup()).isEqualTo(1);
    assertThat(groupRow()).containsEntry("REPEATS", 2).containsEntry("INCIDENT_NUMBER", number);
    String pid = (String) groupRow().get("PROCESS_INSTANCE_ID");
    assertThat(comments(pid)).hasSize(2).anyMatch(c -> c.startsWith("Alertmanager: still firing (repeat 2, 2 alert(s))"));
    assertThat(api.get("/api/incidents/{number}", number).body().path("alert").path("repeats").asInt()).isEqualTo(2);
  }

  @Test
  void shouldRecordResolvedNotificationAndLeaveTheIncidentOpen() {
    String number = send(firing()).body().path("incidentNumber").asText();

    Answer resolved = send(resolved());

    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.body().path("outcome").asText()).isEqualTo("RESOLVED_RECORDED");
    assertThat(resolved.body().path("incidentNumber").asText()).isEqualTo(number);
    String pid = (String) groupRow().get("PROCESS_INSTANCE_ID");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("still open").isEqualTo(1);
    assertThat(comments(pid)).singleElement().asString().contains("resolved", "stays open");
    assertThat(groupRow()).containsEntry("STATUS", "RESOLVED");

    // Firing again while the incident is still open is a repeat, not a new incident.
    assertThat(send(firing()).body().path("outcome").asText()).isEqualTo("REPEATED");
    assertThat(groupRow()).containsEntry("STATUS", "FIRING");
    assertThat(incidentsOfGroup()).isEqualTo(1);
  }

  @Test
  void shouldOpenANewIncidentWhenTheGroupFiresAfterItsIncidentWasClosed() {
    String first = send(firing()).body().path("incidentNumber").asText();
    send(firing());
    runtime.deleteProcessInstance((String) groupRow().get("PROCESS_INSTANCE_ID"), "closed by an operator in Cockpit");

    Answer reopened = send(firing());

    assertThat(reopened.status()).isEqualTo(201);
    assertThat(reopened.body().path("outcome").asText()).isEqualTo("OPENED");
    String second = reopened.body().path("incidentNumber").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(groupRow()).containsEntry("INCIDENT_NUMBER", second).containsEntry("REPEATS", 0);
    assertThat(incidentsOfGroup()).isEqualTo(2);
  }

  @Test
  void shouldRecordARepeatOnTheGroupsIncidentWhoeverSendsItEvenSomeoneWhoCannotReadIt() {
    String number = send(firing()).body().path("incidentNumber").asText();
    String pid = (String) groupRow().get("PROCESS_INSTANCE_ID");

    // ivan (infra) may report incidents but not read this one.
    Answer repeat = exchangeAs("ivan", "ivan", firing());

    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.body().path("outcome").asText()).isEqualTo("REPEATED");
    assertThat(repeat.body().path("incidentNumber").asText()).isEqualTo(number);
    assertThat(incidentsOfGroup()).isEqualTo(1);
    assertThat(groupRow()).containsEntry("INCIDENT_NUMBER", number).containsEntry("PROCESS_INSTANCE_ID", pid).containsEntry("REPEATS", 1);
    assertThat(comments(pid)).hasSize(1);
  }

  @Test
  void shouldRefuseAnAlertFromALoginWithoutTheRightToReportAndKeepTheGroup() {
    String number = send(firing()).body().path("incidentNumber").asText();
    Map<String, Object> before = groupRow();
    String outsider = "outsider" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
    User user = identity.newUser(outsider);
    user.setPassword(OUTSIDER_PASSWORD); // the engine's password policy applies to every account
    identity.saveUser(user); // in no group: may log in, may report nothing

    Answer refused = exchangeAs(outsider, OUTSIDER_PASSWORD, firing());
    Answer refusedResolved = exchangeAs(outsider, OUTSIDER_PASSWORD, resolved());

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refusedResolved.status()).isEqualTo(403);
    assertThat(groupRow()).isEqualTo(before);
    assertThat(groupRow()).containsEntry("INCIDENT_NUMBER", number);
    assertThat(incidentsOfGroup()).isEqualTo(1);
    assertThat(comments((String) before.get("PROCESS_INSTANCE_ID"))).isEmpty();
    identity.deleteUser(outsider);
  }

  private Answer exchangeAs(String user, String password, ObjectNode payload) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response =
        http.withBasicAuth(user, password).exchange(AlertController.PATH, HttpMethod.POST, new HttpEntity<>(payload.toString(), headers), String.class);
    return new Answer(response.getStatusCode().value(), response.getHeaders(), ApiClient.read(response.getBody()));
  }

  @Test
  void shouldAnswerResolvedForAGroupWithoutIncidentAndRecordNothing() {
    Answer resolved = send(resolved());

    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.body().path("outcome").asText()).isEqualTo("NO_OPEN_INCIDENT");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_group WHERE group_key = ?", Integer.class, groupKey)).isZero();
    assertThat(incidentsOfGroup()).isZero();
  }

  @Test
  void shouldRefuseAWrongBearerTokenWith401AndOpenNothing() {
    Answer refused = api.postWithBearer(AlertController.PATH, firing().toString(), "not-the-token");
    Answer refusedEvenIfMalformed = api.postWithBearer(AlertController.PATH, "{oops", "not-the-token");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    assertThat(refused.body().path("detail").asText()).isEqualTo("The bearer token is not valid for the alert webhook");
    assertThat(refusedEvenIfMalformed.status()).isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_group WHERE group_key = ?", Integer.class, groupKey)).isZero();
    assertThat(incidentsOfGroup()).isZero();
  }

  @Test
  void shouldAskForTheTokenOrALoginAndOpenNothingWithout() {
    Answer anonymous = api.postWithHeaders(AlertController.PATH, firing().toString(), new HttpHeaders());
    HttpHeaders basic = new HttpHeaders();
    basic.setBasicAuth("nobody", "nobody");
    Answer wrongLogin = api.postWithHeaders(AlertController.PATH, firing().toString(), basic);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
    assertThat(anonymous.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").contains("Basic");
    assertThat(anonymous.body().path("detail").asText()).isEqualTo("Send Alertmanager's bearer token or log in to the API");
    assertThat(wrongLogin.status()).isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_group WHERE group_key = ?", Integer.class, groupKey)).isZero();
    assertThat(incidentsOfGroup()).isZero();
  }

  @Test
  void shouldLetTheApiLoginSendAlertsWhenNoBearerTokenIsPresented() {
    Answer opened = api.post(AlertController.PATH, firing().toString());

    assertThat(opened.status()).isEqualTo(201);
    assertThat(incidentsOfGroup()).isOne();
  }

  /** RFC 9110: the scheme is case-insensitive; Alertmanager and other senders spell it differently. */
  @ParameterizedTest
  @ValueSource(strings = {"bearer", "BEARER", "Bearer"})
  void shouldTakeTheTokenWhateverTheSpellingOfTheScheme(String scheme) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, scheme + " " + ApiClient.ALERT_TOKEN);

    Answer opened = api.postWithHeaders(AlertController.PATH, firing().toString(), headers);

    assertThat(opened.status()).isEqualTo(201);
    assertThat(incidentsOfGroup()).isOne();
  }

  @Test
  void shouldRefuseInvalidPayloadsNamingTheField() {
    ObjectNode noGroupKey = firing();
    noGroupKey.remove("groupKey");
    ObjectNode noStart = firing();
    ((ObjectNode) noStart.withArray("alerts").get(0)).remove("startsAt");
    ObjectNode badStart = firing();
    ((ObjectNode) badStart.withArray("alerts").get(1)).put("startsAt", "yesterday");

    assertRefused(noGroupKey, "groupKey");
    assertRefused(firing().put("status", "exploding"), "status");
    assertRefused(firing().put("version", "3"), "version");
    assertRefused(firing().put("groupKey", "k".repeat(1025)), "groupKey");
    assertRefused(withNoAlerts(), "alerts");
    assertRefused(noStart, "alerts[0].startsAt");
    assertRefused(badStart, "alerts[1].startsAt");

    ObjectNode huge = firing();
    huge.with("commonAnnotations").put("description", "x".repeat(300 * 1024));
    Answer tooLarge = send(huge);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.contentType()).isEqualTo("application/problem+json");

    Answer malformed = api.postWithBearer(AlertController.PATH, "{\"status\": \"firing\",", ApiClient.ALERT_TOKEN);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).isEqualTo("application/problem+json");
    assertThat(incidentsOfGroup()).isZero();
  }

  private ObjectNode withNoAlerts() {
    ObjectNode payload = firing();
    payload.putArray("alerts");
    return payload;
  }

  private void assertRefused(ObjectNode payload, String field) {
    Answer refused = send(payload);
    assertThat(refused.status()).as(field).isEqualTo(400);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.errorFields()).as(refused.body().toString()).containsExactly(field);
  }

  @Test
  void shouldOpenExactlyOneIncidentFor200SimultaneousNotificationsOfOneGroup() throws Exception {
    String payload = firing().toString();

    List<Answer> answers =
        ApiClient.simultaneously(200, 50, () -> api.postWithBearer(AlertController.PATH, payload, ApiClient.ALERT_TOKEN));

    assertThat(answers).extracting(Answer::status).isSubsetOf(200, 201, 202);
    assertThat(answers).filteredOn(a -> a.body().path("outcome").asText().equals("OPENED")).hasSize(1);
    String number = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().body().path("incidentNumber").asText();
    for (Answer answer : answers) {
      assertThat(numberOf(answer)).as(answer.body().toString()).isEqualTo(number);
    }
    assertThat(incidentsOfGroup()).isEqualTo(1);
    assertThat(groupRow()).containsEntry("REPEATS", 199);
    // Repeats that waited for the number are on the timeline like the others.
    assertThat(comments((String) groupRow().get("PROCESS_INSTANCE_ID"))).hasSize(199).allMatch(c -> c.startsWith("Alertmanager: still firing"));
  }

  /** The incident's number from the answer itself, or from polling the Location of a 202. */
  String numberOf(Answer answer) {
    if (answer.status() != 202) {
      return answer.body().path("incidentNumber").asText();
    }
    Answer polled = api.getWithBearer(answer.headers().getLocation().toString(), ApiClient.ALERT_TOKEN);
    assertThat(polled.status()).as(polled.body().toString()).isEqualTo(200);
    return polled.body().path("incidentNumber").asText();
  }

  @Test
  void shouldAnswer202WithAPollLocationWhenTheIncidentIsStillBeingOpenedAfterTheWait() {
    // Another node claimed the group and is still starting its incident.
    jdbc.update(
        "INSERT INTO alert_group (group_key, incident_number, process_instance_id, status, repeats, first_seen, last_seen)"
            + " VALUES (?, NULL, NULL, 'FIRING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        groupKey);

    Answer waiting = send(firing());

    assertThat(waiting.status()).isEqualTo(202);
    assertThat(waiting.body().path("outcome").asText()).isEqualTo("OPENING");
    assertThat(waiting.body().path("incidentNumber").isNull()).isTrue();
    assertThat(waiting.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    String location = waiting.headers().getLocation().toString();
    assertThat(location).startsWith("/api/alerts/groups?key=");
    assertThat(waiting.body().path("location").asText()).isEqualTo(location);
    assertThat(groupRow()).containsEntry("REPEATS", 1);
    assertThat(api.getWithBearer(location, ApiClient.ALERT_TOKEN).status()).isEqualTo(202);
    assertThat(api.getWithBearer(location, "not-the-token").status()).isEqualTo(401);

    // The other node finishes opening: the poll now names the incident.
    String number = api.post("/api/incidents", "{\"title\":\"Opened by the other node\",\"reportSource\":\"MONITORING\","
        + "\"userAction\":\"none\",\"occurredAt\":\"2026-11-25T09:12:00+09:00\"}").body().path("number").asText();
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    jdbc.update("UPDATE alert_group SET incident_number = ?, process_instance_id = ? WHERE group_key = ?", number, pid, groupKey);

    Answer polled = api.getWithBearer(location, ApiClient.ALERT_TOKEN);
    assertThat(polled.status()).isEqualTo(200);
    assertThat(polled.body().path("incidentNumber").asText()).isEqualTo(number);
    assertThat(polled.body().path("location").asText()).isEqualTo("/api/incidents/" + number);
    assertThat(send(firing()).body().path("incidentNumber").asText()).isEqualTo(number);
  }

  @Test
  void shouldAnswer202ForAResolvedNotificationWhileTheIncidentIsStillBeingOpened() {
    jdbc.update(
        "INSERT INTO alert_group (group_key, incident_number, process_instance_id, status, repeats, first_seen, last_seen)"
            + " VALUES (?, NULL, NULL, 'FIRING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        groupKey);

    Answer resolved = send(resolved());

    assertThat(resolved.status()).isEqualTo(202);
    assertThat(resolved.body().path("outcome").asText()).isEqualTo("OPENING");
    assertThat(resolved.headers().getLocation()).hasToString(AlertIntakeService.groupLocation(groupKey));
    assertThat(groupRow()).containsEntry("STATUS", "RESOLVED");
  }

  @Test
  void shouldAnswer404WhenPollingAGroupNobodyOpens() {
    Answer unknown = api.getWithBearer(AlertIntakeService.groupLocation(groupKey), ApiClient.ALERT_TOKEN);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).isEqualTo("application/problem+json");
  }
}
