package com.incidentflow.process.step;

import static com.incidentflow.process.IncidentDriver.helpNeeded;
import static com.incidentflow.process.IncidentDriver.importance;
import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.review;
import static com.incidentflow.process.IncidentDriver.situation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Camunda Forms validate only in the browser: the server refuses a step that lacks what its form
 * requires, whichever client completes it, and the task stays open with nothing changed.
 */
@IncidentFlowTest
class StepValidationTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate http;

  IncidentDriver driver;

  @BeforeEach
  void setUp() {
    driver = new IncidentDriver(engine);
  }

  @Test
  void shouldRefuseCompletionMissingRequiredValues() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Reports are slow"));
    Map<String, Object> incomplete = situation();
    incomplete.put(Variables.USER_ACTION, "  ");
    incomplete.remove(Variables.RECENT_CHANGE);

    assertThatThrownBy(() -> driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", incomplete))
        .isInstanceOf(StepValidationException.class)
        .hasMessageContaining("'Confirm the situation (状況の確認)' cannot be completed")
        .hasMessageContaining("'1. ユーザーが何をしたのか / What the user did' is required")
        .hasMessageContaining("'3. 関連機能の変更が直近で行われていないか / Was a related feature changed recently?' is required");

    Task stillOpen = driver.task(incident, Tasks.CONFIRM_SITUATION);
    assertThat(taskService.getVariable(stillOpen.getId(), Variables.USER_ACTION)).isEqualTo("Saved an invoice in the billing screen");
    assertThat(taskService.getVariable(stillOpen.getId(), Variables.RECENT_CHANGE)).isNull();
  }

  @Test
  void shouldRefuseCompletionOverRestWith400AndKeepTaskOpen() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Reports are slow"));
    Task task = driver.task(incident, Tasks.CONFIRM_SITUATION);

    ResponseEntity<Map> refused =
        http.withBasicAuth("emma", "emma").postForEntity(
            "/engine-rest/task/{id}/complete",
            Map.of("variables", Map.of(Variables.RECENT_CHANGE, Map.of("value", "MAYBE", "type", "String"))),
            Map.class,
            task.getId());

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message"))
        .contains("must be one of [YES, NO, UNKNOWN], not 'MAYBE'");
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat((List<Map<String, String>>) refused.getBody().get("errors"))
        .anySatisfy(e -> assertThat(e).containsEntry("field", Variables.RECENT_CHANGE).extractingByKey("message").asString().contains("'MAYBE'"));
    assertThat(driver.openTasks(incident, Tasks.CONFIRM_SITUATION)).hasSize(1);
    assertThat(runtime.getVariable(incident.getId(), Variables.RECENT_CHANGE)).isNull();
  }

  @Test
  void shouldRefuseRelatedChangeWithoutItsDetails() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Reports are slow"));
    Map<String, Object> values = situation();
    values.remove(Variables.RECENT_CHANGE_BY);

    assertThatThrownBy(() -> driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", values))
        .hasMessageContaining("'誰が修正したか / Who made it?' is required when a related change was made");
  }

  @Test
  void shouldRefuseReportWithoutTitleAndOpenNothing() {
    long before = runtime.createProcessInstanceQuery().count();
    Map<String, Object> report = IncidentDriver.report("x");
    report.remove(Variables.TITLE);
    report.put(Variables.OCCURRED_AT, "yesterday");

    assertThatThrownBy(() -> driver.report("emma", report))
        .isInstanceOf(StepValidationException.class)
        .hasMessageContaining("'件名 / Title' is required")
        .hasMessageContaining("must be a date and time");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void shouldRefuseStartOverRestWith400() {
    ResponseEntity<Map> refused =
        http.withBasicAuth("emma", "emma").postForEntity(
            "/engine-rest/process-definition/key/{key}/submit-form",
            Map.of("variables", Map.of(Variables.TITLE, Map.of("value", "x".repeat(201), "type", "String"))),
            Map.class,
            IncidentProcess.PROCESS_KEY);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("'件名 / Title' is longer than 200 characters");
  }

  @Test
  void shouldRefuseDuplicateOfAnUnknownIncident() {
    ProcessInstance incident = reportedToManager();
    Map<String, Object> values = importance("ALREADY_HANDLED");
    values.put(Variables.DUPLICATE_OF, "INC-1999-0001");

    assertThatThrownBy(() -> driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", values))
        .hasMessageContaining("no incident INC-1999-0001 exists");

    values.put(Variables.DUPLICATE_OF, incident.getBusinessKey());
    assertThatThrownBy(() -> driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", values))
        .hasMessageContaining("must name another incident, not this one");

    values.put(Variables.DUPLICATE_OF, "the other one");
    assertThatThrownBy(() -> driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", values))
        .hasMessageContaining("must be an incident number such as INC-2026-0042");
    assertThat(driver.openTasks(incident, Tasks.JUDGE_IMPORTANCE)).hasSize(1);
  }

  @Test
  void shouldRefuseHelpRequestWithoutATeam() {
    ProcessInstance incident = driver.reportAndJudge("Random 500s", "SOME", "MEDIUM", "NOT_URGENT");
    Map<String, Object> values = helpNeeded("infra");
    values.remove(Variables.HELP_GROUP);
    assertThatThrownBy(() -> driver.complete(incident, Tasks.INVESTIGATE, "emma", values))
        .hasMessageContaining("'協力を依頼するチーム / Ask which team' is required when help is needed");

    values.put(Variables.HELP_GROUP, "managers");
    assertThatThrownBy(() -> driver.complete(incident, Tasks.INVESTIGATE, "emma", values))
        .hasMessageContaining("must be one of");
  }

  @Test
  void shouldRefuseApprovalWithoutRegressionCheckAndRejectionWithoutComments() {
    ProcessInstance incident = driver.reportAndJudge("Totals off", "ONE", "LOW", "NOT_URGENT");
    driver.complete(incident, Tasks.INVESTIGATE, "emma", IncidentDriver.rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", IncidentDriver.impact("NONE", null));
    driver.runJobs(incident);
    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", IncidentDriver.fix());

    Map<String, Object> approval = review("APPROVED");
    approval.put(Variables.REGRESSION_CHECKED, false);
    assertThatThrownBy(() -> driver.complete(incident, Tasks.REVIEW_FIX, "kenji", approval))
        .hasMessageContaining("must be confirmed to approve");

    Map<String, Object> rejection = review("REJECTED");
    rejection.remove(Variables.REVIEW_COMMENTS);
    assertThatThrownBy(() -> driver.complete(incident, Tasks.REVIEW_FIX, "kenji", rejection))
        .hasMessageContaining("'コメント / Comments' is required when the fix is rejected");
    assertThat(driver.openTasks(incident, Tasks.REVIEW_FIX)).hasSize(1);
  }

  private ProcessInstance reportedToManager() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Reports are slow"));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    driver.runJobs(incident);
    return incident;
  }
}
