package com.incidentflow.security;

import static com.incidentflow.process.IncidentDriver.helpNeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.intake.ApiClient;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.security.EngineDoor.Client;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Incident data changes only through the step that owns it, through both doors a team member has
 * to the engine (REST API with Basic, webapps with session and CSRF token). Every refusal is checked
 * twice: the answer, and the data read back afterwards.
 */
@IncidentFlowTest
class ProcessDataGuardTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate http;

  IncidentDriver driver;
  ProcessInstance incident;
  /** Infra's help request: ivan (infra) is a candidate, but may not read the incident. */
  Task help;

  @BeforeEach
  void incidentWaitingForInfra() {
    driver = new IncidentDriver(engine);
    incident = driver.reportAndJudge("Checkout times out", "SOME", "MEDIUM", "NOT_URGENT");
    driver.complete(incident, Tasks.INVESTIGATE, "emma", helpNeeded("infra"));
    driver.runJobs(incident);
    help = driver.task(incident, Tasks.SPECIALIST_HELP);
  }

  /** Every way to write a variable through a task: process-wide and local, typed and binary. */
  static Stream<Arguments> taskVariableWrites() {
    Stream.Builder<Arguments> routes = Stream.builder();
    for (EngineDoor door : EngineDoor.values()) {
      routes.add(Arguments.of(door, "PUT variables/title"));
      routes.add(Arguments.of(door, "PUT localVariables/priority"));
      routes.add(Arguments.of(door, "POST variables (modify)"));
      routes.add(Arguments.of(door, "POST localVariables (modify)"));
      routes.add(Arguments.of(door, "DELETE variables/title"));
      routes.add(Arguments.of(door, "POST variables/reportedBy/data (binary)"));
      routes.add(Arguments.of(door, "POST localVariables/fixedBy/data (binary)"));
    }
    return routes.build();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("taskVariableWrites")
  void shouldRefuseACandidateWritingIncidentDataThroughTheTask(EngineDoor door, String route) {
    Map<String, String> before = variables(incident.getId());
    Client ivan = door.as(http, "ivan");
    Map<String, Object> hijack = Map.of("value", "hijacked", "type", "String");

    ResponseEntity<String> answer =
        switch (route) {
          case "PUT variables/title" -> ivan.send(HttpMethod.PUT, "task/{id}/variables/title", hijack, help.getId());
          case "PUT localVariables/priority" -> ivan.send(HttpMethod.PUT, "task/{id}/localVariables/priority", hijack, help.getId());
          case "POST variables (modify)" ->
              ivan.send(HttpMethod.POST, "task/{id}/variables", Map.of("modifications", Map.of(Variables.PRIORITY, hijack)), help.getId());
          case "POST localVariables (modify)" ->
              ivan.send(HttpMethod.POST, "task/{id}/localVariables", Map.of("modifications", Map.of(Variables.REPORTED_BY, hijack)), help.getId());
          case "DELETE variables/title" -> ivan.send(HttpMethod.DELETE, "task/{id}/variables/title", null, help.getId());
          case "POST variables/reportedBy/data (binary)" ->
              ivan.upload(HttpMethod.POST, "task/{id}/variables/reportedBy/data", "who.txt", "mallory".getBytes(StandardCharsets.UTF_8), help.getId());
          case "POST localVariables/fixedBy/data (binary)" ->
              ivan.upload(HttpMethod.POST, "task/{id}/localVariables/fixedBy/data", "who.txt", "mallory".getBytes(StandardCharsets.UTF_8), help.getId());
          default -> throw new IllegalArgumentException(route);
        };

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(variables(incident.getId())).isEqualTo(before);
    assertThat(taskService.getVariablesLocal(help.getId())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EngineDoor.class)
  void shouldRefuseACompletionThatWritesOutsideTheStepsFormAndKeepTheStepOpen(EngineDoor door) {
    Map<String, String> before = variables(incident.getId());
    Client ivan = door.as(http, "ivan");
    assertThat(ivan.send(HttpMethod.POST, "task/{id}/claim", Map.of("userId", "ivan"), help.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    Map<String, Object> findings = typed(Variables.SPECIALIST_FINDINGS, "Disk of app-2 was full; cleaned up");
    Map<String, Object> withPriority = new HashMap<>(findings);
    withPriority.putAll(typed(Variables.PRIORITY, "P4"));
    Map<String, Object> withTitleChanged = new HashMap<>(findings);
    withTitleChanged.putAll(typed(Variables.TITLE, "Nothing to see here")); // shown read-only on the form

    ResponseEntity<String> complete = ivan.send(HttpMethod.POST, "task/{id}/complete", Map.of("variables", withPriority), help.getId());
    ResponseEntity<String> submit = ivan.send(HttpMethod.POST, "task/{id}/submit-form", Map.of("variables", withTitleChanged), help.getId());
    ResponseEntity<String> error =
        ivan.send(HttpMethod.POST, "task/{id}/bpmnError", Map.of("errorCode", "GIVE_UP", "variables", withPriority), help.getId());

    assertThat(complete.getStatusCode()).as(complete.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(complete.getBody()).contains(Variables.PRIORITY);
    assertThat(submit.getStatusCode()).as(submit.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(error.getStatusCode()).as(error.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(driver.openTasks(incident, Tasks.SPECIALIST_HELP)).hasSize(1);
    assertThat(variables(incident.getId())).isEqualTo(before);

    // What Tasklist sends — the form's fields, read-only ones unchanged — still completes the step.
    Map<String, Object> asTasklistSends = new HashMap<>(findings);
    asTasklistSends.putAll(typed(Variables.TITLE, (String) before.get(Variables.TITLE)));
    asTasklistSends.putAll(typed(Variables.HELP_REQUEST, (String) before.get(Variables.HELP_REQUEST)));
    ResponseEntity<String> done =
        ivan.send(HttpMethod.POST, "task/{id}/submit-form", Map.of("variables", asTasklistSends, "withVariablesInReturn", true), help.getId());
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).contains("Disk of app-2 was full").doesNotContain("Acme Corp").doesNotContain(Variables.REPORTED_BY);
    assertThat(driver.openTasks(incident, Tasks.SPECIALIST_HELP)).isEmpty();
    assertThat(driver.variable(incident, Variables.SPECIALIST_FINDINGS)).isEqualTo("Disk of app-2 was full; cleaned up");
    assertThat(driver.variable(incident, Variables.PRIORITY)).isEqualTo(before.get(Variables.PRIORITY));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EngineDoor.class)
  void shouldRefuseAStartThatSetsWhatTheSystemDecides(EngineDoor door) {
    long incidents = runtime.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).count();
    Client chloe = door.as(http, "chloe");
    Map<String, Object> report = new HashMap<>();
    report.putAll(typed(Variables.TITLE, "Reports are empty"));
    report.putAll(typed(Variables.REPORT_SOURCE, "CS"));
    report.putAll(typed(Variables.USER_ACTION, "Opened the monthly report"));
    report.putAll(typed(Variables.OCCURRED_AT, "2026-11-25T10:00+09:00"));
    Map<String, Object> framed = new HashMap<>(report);
    framed.putAll(typed(Variables.REPORTED_BY, "maria"));
    Map<String, Object> prioritised = new HashMap<>(report);
    prioritised.putAll(typed(Variables.PRIORITY, "P1"));
    String byKey = "process-definition/key/" + IncidentProcess.PROCESS_KEY;

    ResponseEntity<String> start = chloe.send(HttpMethod.POST, byKey + "/start", Map.of("variables", framed));
    ResponseEntity<String> submit = chloe.send(HttpMethod.POST, byKey + "/submit-form", Map.of("variables", prioritised));
    ResponseEntity<String> startLater =
        chloe.send(HttpMethod.POST, byKey + "/start",
            Map.of("variables", report, "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", Tasks.JUDGE_URGENCY))));

    assertThat(start.getStatusCode()).as(start.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(start.getBody()).contains(Variables.REPORTED_BY);
    assertThat(submit.getStatusCode()).as(submit.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(startLater.getStatusCode()).as(startLater.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).count()).isEqualTo(incidents);

    // The start form's own fields still report an incident, with chloe as its reporter.
    ResponseEntity<String> reported = chloe.send(HttpMethod.POST, byKey + "/submit-form", Map.of("variables", report));
    assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(HttpStatus.OK);
    String id = ApiClient.read(reported.getBody()).path("id").asText();
    assertThat(runtime.getVariable(id, Variables.REPORTED_BY)).isEqualTo("chloe");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EngineDoor.class)
  void shouldShowACandidateOnlyTheirStepsFormNotTheWholeIncident(EngineDoor door) {
    Client ivan = door.as(http, "ivan");

    ResponseEntity<String> all = ivan.get("task/{id}/variables", help.getId());
    ResponseEntity<String> one = ivan.get("task/{id}/variables/" + Variables.CLIENTS_REPORTED, help.getId());
    ResponseEntity<String> form = ivan.get("task/{id}/form-variables", help.getId());
    ResponseEntity<String> probe = ivan.get("task?processVariables=clientsReported_like_%25Acme%25");
    ResponseEntity<String> sortedBy =
        ivan.send(HttpMethod.POST, "task", Map.of("sorting", List.of(Map.of("sortBy", "processVariable", "sortOrder", "asc",
            "parameters", Map.of("variable", Variables.CLIENTS_REPORTED, "type", "String")))));

    assertThat(one.getStatusCode()).as(one.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(probe.getStatusCode()).as(probe.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(sortedBy.getStatusCode()).as(sortedBy.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(one.getBody()).doesNotContain("Acme Corp");
    for (ResponseEntity<String> shown : List.of(all, form)) {
      assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode fields = ApiClient.read(shown.getBody());
      assertThat(fields.path(Variables.HELP_REQUEST).path("value").asText()).isEqualTo("Is app-2 healthy? Its disk looks full");
      assertThat(fields.path(Variables.TITLE).path("value").asText()).isEqualTo("Checkout times out");
      assertThat(iterable(fields.fieldNames()))
          .containsExactlyInAnyOrder(Variables.TITLE, Variables.INVESTIGATION_NOTES, Variables.HELP_REQUEST)
          .doesNotContain(Variables.CLIENTS_REPORTED, Variables.REPORTED_BY, Variables.URL);
    }

    // Engineers read the incident: its variables are theirs to see.
    assertThat(door.as(http, "emma").get("process-instance/{id}/variables", incident.getId()).getBody()).contains("Acme Corp");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EngineDoor.class)
  void shouldRefuseCommentsAndAttachmentsOnAStepTheUserMayNotSee(EngineDoor door) {
    Task investigation = driver.openTasks(incident, Tasks.INVESTIGATE).stream().findFirst().orElse(null);
    assertThat(investigation).as("the investigation waits for infra's help").isNull();
    String hiddenStep = help.getId(); // infra's step: chloe (CS) may not see it
    Client chloe = door.as(http, "chloe");
    Client maria = door.as(http, "maria");

    ResponseEntity<String> comment =
        chloe.send(HttpMethod.POST, "task/{id}/comment/create", Map.of("message", "Evidence: the client says it is fixed"), hiddenStep);
    ResponseEntity<String> attachment =
        chloe.attach("task/{id}/attachment/create", "proof.txt", "evil.example.com says fixed".getBytes(StandardCharsets.UTF_8),
            Map.of("attachment-name", "Client proof 7731", "attachment-description", "From the client", "attachment-type", "text/plain"), hiddenStep);
    ResponseEntity<String> onIncident =
        maria.send(HttpMethod.POST, "task/{id}/comment/create", Map.of("message", "Thought: managers never see this step"), hiddenStep);

    assertThat(comment.getStatusCode()).as(comment.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(attachment.getStatusCode()).as(attachment.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(onIncident.getStatusCode()).as(onIncident.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.getTaskComments(hiddenStep)).isEmpty();
    assertThat(taskService.getProcessInstanceComments(incident.getId())).extracting(Comment::getFullMessage)
        .noneMatch(m -> m.contains("the client says it is fixed") || m.contains("managers never see"));
    assertThat(taskService.getTaskAttachments(hiddenStep)).isEmpty();
    String timeline = http.withBasicAuth("emma", "emma").getForObject("/api/incidents/{n}/timeline", String.class, incident.getBusinessKey());
    assertThat(timeline).doesNotContain("the client says it is fixed").doesNotContain("Client proof 7731").doesNotContain("managers never see");

    // A step one may see takes comments as before.
    Task confirm = driver.task(driver.report("emma", IncidentDriver.report("Search is slow")), Tasks.CONFIRM_SITUATION);
    ResponseEntity<String> own =
        door.as(http, "emma").send(HttpMethod.POST, "task/{id}/comment/create", Map.of("message", "Tried: the same search as admin"), confirm.getId());
    assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(taskService.getTaskComments(confirm.getId())).extracting(Comment::getFullMessage).containsExactly("Tried: the same search as admin");
  }

  private static Map<String, Object> typed(String name, String value) {
    return Map.of(name, Map.of("value", value, "type", "String"));
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> items) {
    return () -> items;
  }

  /** The incident's variables as text: JSON values (the offered recent changes) have no equals of their own. */
  private Map<String, String> variables(String incidentId) {
    Map<String, String> text = new java.util.TreeMap<>();
    runtime.getVariables(incidentId).forEach((name, value) -> text.put(name, String.valueOf(value)));
    return text;
  }
}
