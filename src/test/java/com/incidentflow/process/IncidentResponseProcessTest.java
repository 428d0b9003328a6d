package com.incidentflow.process;

import static com.incidentflow.process.IncidentDriver.clientContact;
import static com.incidentflow.process.IncidentDriver.firstResponse;
import static com.incidentflow.process.IncidentDriver.fix;
import static com.incidentflow.process.IncidentDriver.helpNeeded;
import static com.incidentflow.process.IncidentDriver.impact;
import static com.incidentflow.process.IncidentDriver.importance;
import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.review;
import static com.incidentflow.process.IncidentDriver.rootCauseFound;
import static com.incidentflow.process.IncidentDriver.situation;
import static com.incidentflow.process.IncidentDriver.values;
import static com.incidentflow.process.IncidentDriver.wrapUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.notification.NotificationDelivery;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path through incident-response, on the real engine with a real SMTP server. */
@IncidentFlowTest
@Tag("postgres") // our own SQL: also runs against PostgreSQL (./mvnw verify -Ppostgres, pom.xml)
class IncidentResponseProcessTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  IncidentDriver driver;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new IncidentDriver(engine);
  }

  @Test
  void shouldReportToManagersBeforeAnyJudgement() throws Exception {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Invoices cannot be saved"));
    String number = incident.getBusinessKey();
    assertThat(number).matches("INC-\\d{4}-\\d{4}");
    assertThat(driver.variable(incident, Variables.INCIDENT_NUMBER)).isEqualTo(number);
    assertThat(driver.variable(incident, Variables.REPORTED_BY)).isEqualTo("emma");

    assertThat(incident).isWaitingAt(Tasks.CONFIRM_SITUATION).task().hasCandidateGroup("engineers");
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    assertThat(incident).isWaitingAt(Tasks.PROVISIONAL_IMPACT).task().hasCandidateGroup("engineers");
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));

    // The report is queued with the step and sent on its own: the managers' step is there at once.
    assertThat(incident).hasPassed(Tasks.REPORT_TO_MANAGER).isWaitingAt(Tasks.JUDGE_IMPORTANCE).task().hasCandidateGroup("managers");
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(driver.deliveries(incident)).hasSize(1);
    driver.runJobs(incident);

    assertThat(driver.deliveries(incident)).isEmpty();
    List<MimeMessage> reports = Mails.withSubjectContaining(smtp, "Report to the manager");
    assertThat(reports).hasSize(1);
    MimeMessage report = reports.get(0);
    assertThat(Mails.subject(report)).isEqualTo("[" + number + "] Invoices cannot be saved — Report to the manager");
    assertThat(Mails.recipients(report)).containsExactly("incident-leads@example.com", "maria@example.com");
    assertThat(Mails.body(report))
        .contains("Saved an invoice with a discount line")
        .contains("Invoices with discounts cannot be saved")
        .contains("Discount rounding change, PR #1234")
        .contains("http://incident-flow.test/camunda/app/cockpit/default/#/process-instance/" + incident.getId());
  }

  @Test
  void shouldRespondFirstWhenUrgent() {
    ProcessInstance incident = driver.reportAndJudge("Checkout is down", "SOME", "HIGH", "URGENT");
    String number = incident.getBusinessKey();

    assertThat(driver.variable(incident, Variables.PRIORITY)).isEqualTo("P1");
    assertThat(driver.variable(incident, Variables.JUDGEMENT_TARGET)).isEqualTo("PT15M");
    assertThat(driver.variable(incident, Variables.FIRST_RESPONSE_TARGET)).isEqualTo("PT1H");
    assertThat(driver.variable(incident, Variables.STATUS_UPDATE_INTERVAL)).isEqualTo("PT30M");
    assertThat(driver.variable(incident, Variables.RESOLVE_TARGET)).isEqualTo("PT8H");
    assertThat(engine.getRuntimeService().getVariable(incident.getId(), "priorityDecision")).isNull();

    assertThat(incident).isWaitingAt(Tasks.FIRST_RESPONSE).task().hasCandidateGroup("engineers");
    MimeMessage priority = Mails.withSubjectContaining(smtp, "Priority decided").get(0);
    assertThat(Mails.subject(priority)).isEqualTo("[" + number + "][P1] Checkout is down — Priority decided");
    assertThat(Mails.recipients(priority))
        .containsExactly("ben@example.com", "chloe@example.com", "emma@example.com", "kenji@example.com");
    assertThat(Mails.body(priority)).contains("First response within").contains("1 h").contains("30 min");

    driver.complete(incident, Tasks.FIRST_RESPONSE, "emma", firstResponse());
    assertThat(incident).isWaitingAt(Tasks.INVESTIGATE);
    driver.complete(incident, Tasks.INVESTIGATE, "emma", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("ONE", "Acme Corp"));
    driver.runJobs(incident);
    driver.complete(incident, Tasks.CONTACT_CLIENT, "chloe", clientContact("Understood, thanks for calling first"));
    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", fix());
    driver.complete(incident, Tasks.REVIEW_FIX, "kenji", review("APPROVED"));
    driver.runJobs(incident);
    assertThat(incident).isWaitingAt(Tasks.WRAP_UP).task().hasCandidateGroup("engineers");
    driver.complete(incident, Tasks.WRAP_UP, "emma", wrapUp());

    assertThat(incident)
        .hasPassedInOrder(
            Tasks.CONFIRM_SITUATION, Tasks.PROVISIONAL_IMPACT, Tasks.REPORT_TO_MANAGER,
            Tasks.JUDGE_IMPORTANCE, Tasks.JUDGE_URGENCY, Tasks.DECIDE_PRIORITY,
            Tasks.ANNOUNCE_PRIORITY, Tasks.FIRST_RESPONSE, Tasks.INVESTIGATE,
            Tasks.CONFIRM_IMPACT, Tasks.REPORT_IMPACT, Tasks.NOTIFY_RESOLVED, Tasks.WRAP_UP,
            Tasks.END_RESOLVED)
        .hasNotPassed(Tasks.LINK_DUPLICATE, Tasks.SPECIALIST_HELP)
        .isEnded();

    MimeMessage resolved = Mails.withSubjectContaining(smtp, "Resolved").get(0);
    assertThat(Mails.recipients(resolved))
        .containsExactlyInAnyOrder("emma@example.com", "kenji@example.com", "maria@example.com", "chloe@example.com", "incident-leads@example.com");
    assertThat(Mails.body(resolved)).contains("Round half-even before applying discounts");
  }

  @Test
  void shouldSkipFirstResponseWhenNotUrgent() {
    ProcessInstance incident = driver.reportAndJudge("Typo on the settings page", "SOME", "MEDIUM", "NOT_URGENT");

    assertThat(driver.variable(incident, Variables.PRIORITY)).isEqualTo("P3");
    assertThat(driver.variable(incident, Variables.FIRST_RESPONSE_TARGET)).isNull();
    assertThat(driver.variable(incident, Variables.RESOLVE_TARGET)).isEqualTo("P5D");
    assertThat(incident).isWaitingAt(Tasks.INVESTIGATE).task().hasCandidateGroup("engineers");
    assertThat(incident).hasPassedInOrder("Gateway_Urgent", "Gateway_UrgentJoin").hasNotPassed(Tasks.FIRST_RESPONSE);
  }

  @Test
  void shouldRaisePriorityWhenAllClientsAffected() {
    ProcessInstance incident = driver.reportAndJudge("Login fails for everyone", "ALL", "LOW", "NOT_URGENT");

    assertThat(driver.variable(incident, Variables.PRIORITY)).isEqualTo("P3");
  }

  @Test
  void shouldEndLinkedWhenAlreadyHandled() {
    ProcessInstance original = driver.reportAndJudge("Search is slow", "SOME", "MEDIUM", "NOT_URGENT");
    ProcessInstance duplicate = driver.report("chloe", IncidentDriver.report("Search takes 30 seconds"));
    driver.complete(duplicate, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(duplicate, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    driver.runJobs(duplicate);

    Map<String, Object> alreadyHandled = importance("ALREADY_HANDLED");
    alreadyHandled.put(Variables.DUPLICATE_OF, original.getBusinessKey());
    driver.complete(duplicate, Tasks.JUDGE_IMPORTANCE, "maria", alreadyHandled);
    driver.runJobs(duplicate);

    assertThat(duplicate)
        .hasPassedInOrder(Tasks.JUDGE_IMPORTANCE, Tasks.LINK_DUPLICATE, Tasks.END_DUPLICATE)
        .hasNotPassed(Tasks.JUDGE_URGENCY, Tasks.DECIDE_PRIORITY)
        .isEnded();
    assertThat(original).isWaitingAt(Tasks.INVESTIGATE);
    assertThat(messages(duplicate)).contains(original.getBusinessKey() + " で対応中 / Already handled in " + original.getBusinessKey());
    assertThat(messages(original)).anySatisfy(m -> assertThat(m).startsWith(duplicate.getBusinessKey() + " はこの障害の重複として終了 / "));
  }

  @Test
  void shouldAskSpecialistsWhenHelpNeeded() {
    ProcessInstance incident = driver.reportAndJudge("Random 500 errors", "SOME", "HIGH", "NOT_URGENT");
    assertThat(driver.variable(incident, Variables.PRIORITY)).isEqualTo("P2");

    driver.complete(incident, Tasks.INVESTIGATE, "emma", helpNeeded("infra"));
    assertThat(incident).hasPassed(Tasks.REQUEST_HELP).isWaitingAt(Tasks.SPECIALIST_HELP).task().hasCandidateGroup("infra");
    driver.runJobs(incident);

    MimeMessage help = Mails.withSubjectContaining(smtp, "Help requested").get(0);
    assertThat(Mails.recipients(help)).containsExactly("ivan@example.com");
    assertThat(Mails.body(help)).contains("Is app-2 healthy? Its disk looks full");

    driver.complete(incident, Tasks.SPECIALIST_HELP, "ivan", values(Variables.SPECIALIST_FINDINGS, "app-2 disk was full; cleaned and alerting added"));
    assertThat(incident).isWaitingAt(Tasks.INVESTIGATE);
    Task second = driver.task(incident, Tasks.INVESTIGATE);
    assertThat(taskService.getVariable(second.getId(), Variables.SPECIALIST_FINDINGS)).isEqualTo("app-2 disk was full; cleaned and alerting added");
    // The earlier outcome does not pre-answer the new investigation.
    assertThat(taskService.getVariableLocal(second.getId(), Variables.INVESTIGATION_OUTCOME)).isNull();

    driver.complete(second, "emma", rootCauseFound());
    assertThat(incident)
        .hasPassedInOrder(Tasks.INVESTIGATE, Tasks.REQUEST_HELP, Tasks.SPECIALIST_HELP, Tasks.INVESTIGATE)
        .isWaitingAt(Tasks.CONFIRM_IMPACT);
  }

  @Test
  void shouldSkipClientContactWhenNoClientAffected() {
    ProcessInstance incident = driver.reportAndJudge("Internal report page broken", "UNKNOWN", "LOW", "NOT_URGENT");
    driver.complete(incident, Tasks.INVESTIGATE, "emma", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("NONE", null));
    driver.runJobs(incident);

    assertThat(driver.variable(incident, Variables.AFFECTED_CLIENT_LIST)).isEqualTo(List.of());
    assertThat(incident)
        .isWaitingAt(Tasks.PERMANENT_FIX)
        .hasPassedInOrder("Gateway_ClientsToContact", "Gateway_ClientsJoin")
        .hasNotPassed(Tasks.CONTACT_CLIENT);
    MimeMessage impact = Mails.withSubjectContaining(smtp, "Impact confirmed").get(0);
    assertThat(Mails.recipients(impact)).containsExactly("chloe@example.com", "incident-leads@example.com", "maria@example.com");

    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", fix());
    driver.complete(incident, Tasks.REVIEW_FIX, "kenji", review("APPROVED"));
    driver.runJobs(incident);
    assertThat(incident).isWaitingAt(Tasks.WRAP_UP);
  }

  @Test
  void shouldContactEachAffectedClient() {
    ProcessInstance incident = driver.reportAndJudge("Exports are empty", "SOME", "MEDIUM", "URGENT");
    driver.complete(incident, Tasks.FIRST_RESPONSE, "emma", firstResponse());
    driver.complete(incident, Tasks.INVESTIGATE, "emma", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("SOME", "Acme Corp\nGlobex\n\nAcme Corp"));
    driver.runJobs(incident);

    assertThat(driver.variable(incident, Variables.AFFECTED_CLIENT_LIST)).isEqualTo(List.of("Acme Corp", "Globex"));
    MimeMessage impact = Mails.withSubjectContaining(smtp, "Impact confirmed").get(0);
    assertThat(Mails.body(impact)).contains("Acme Corp, Globex");

    List<Task> contacts = driver.openTasks(incident, Tasks.CONTACT_CLIENT);
    assertThat(contacts).hasSize(2);
    assertThat(contacts).allSatisfy(task -> assertThat(task).hasCandidateGroup("cs"));
    assertThat(contacts).extracting(t -> taskService.getVariable(t.getId(), Variables.CLIENT)).containsExactlyInAnyOrder("Acme Corp", "Globex");
    assertThat(driver.openTasks(incident, Tasks.PERMANENT_FIX)).hasSize(1);

    for (Task contact : contacts) {
      String client = (String) taskService.getVariable(contact.getId(), Variables.CLIENT);
      driver.complete(contact, "chloe", clientContact(client + " accepted the apology"));
    }
    // Each client's answer stays with that client's task, not overwritten by the other.
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(incident.getId()).variableName(Variables.CLIENT_RESPONSE).list())
        .extracting(v -> v.getValue())
        .containsExactlyInAnyOrder("Acme Corp accepted the apology", "Globex accepted the apology");
    assertThat(driver.variable(incident, Variables.CLIENT_RESPONSE)).isNull();

    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", fix());
    driver.complete(incident, Tasks.REVIEW_FIX, "kenji", review("APPROVED"));
    driver.runJobs(incident);
    assertThat(incident).hasPassed(Tasks.CONTACT_CLIENT, Tasks.NOTIFY_RESOLVED).isWaitingAt(Tasks.WRAP_UP);
  }

  @Test
  void shouldLoopBackToFixWhenReviewRejected() {
    ProcessInstance incident = driver.reportAndJudge("Totals off by one yen", "ONE", "LOW", "NOT_URGENT");
    assertThat(driver.variable(incident, Variables.PRIORITY)).isEqualTo("P4");
    driver.complete(incident, Tasks.INVESTIGATE, "emma", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("ONE", "Initech"));
    driver.runJobs(incident);
    driver.complete(incident, Tasks.CONTACT_CLIENT, "chloe", clientContact("Fine"));

    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", fix());
    driver.complete(incident, Tasks.REVIEW_FIX, "kenji", review("REJECTED"));
    assertThat(incident).isWaitingAt(Tasks.PERMANENT_FIX).hasPassedInOrder(Tasks.REVIEW_FIX, "Gateway_ReviewApproved", "Gateway_FixMerge");
    Task again = driver.task(incident, Tasks.PERMANENT_FIX);
    assertThat(taskService.getVariable(again.getId(), Variables.REVIEW_COMMENTS)).isEqualTo("Also cover the credit-note path");

    driver.complete(again, "emma", fix());
    Task secondReview = driver.task(incident, Tasks.REVIEW_FIX);
    assertThat(taskService.getVariableLocal(secondReview.getId(), Variables.REVIEW_DECISION)).isNull();
    driver.complete(secondReview, "kenji", review("APPROVED"));
    driver.runJobs(incident);

    assertThat(incident)
        .hasPassedInOrder(Tasks.PERMANENT_FIX, Tasks.REVIEW_FIX, Tasks.PERMANENT_FIX, Tasks.REVIEW_FIX, Tasks.NOTIFY_RESOLVED)
        .isWaitingAt(Tasks.WRAP_UP);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(incident.getId()).activityId(Tasks.REVIEW_FIX).count()).isEqualTo(2);
    assertThat(driver.variable(incident, Variables.REVIEW_DECISION)).isEqualTo("APPROVED");
  }

  /**
   * The engine writes history "full", less what nobody reads (config.EnginePlugins.KeptHistory): one
   * incident worked as Tasklist works it (submit-form), its mails delivered, and its history counted.
   */
  @Test
  void shouldKeepTheHistoryThatIsReadAndNotTheRest() {
    Map<String, Long> before = historyRows();
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Invoices cannot be saved"));
    submit(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    submit(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    driver.runJobs(incident);
    submit(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("MEDIUM"));
    submit(incident, Tasks.JUDGE_URGENCY, "maria", IncidentDriver.urgency("NOT_URGENT"));
    driver.runJobs(incident);
    Task investigation = driver.task(incident, Tasks.INVESTIGATE);
    driver.logIn("emma");
    try {
      taskService.claim(investigation.getId(), "emma");
      taskService.createComment(investigation.getId(), incident.getId(), "Reproduced on staging");
    } finally {
      driver.logOut();
    }
    submit(incident, Tasks.INVESTIGATE, "emma", rootCauseFound());
    submit(incident, Tasks.CONFIRM_IMPACT, "emma", impact("NONE", null));
    driver.runJobs(incident);
    submit(incident, Tasks.PERMANENT_FIX, "emma", fix());
    submit(incident, Tasks.REVIEW_FIX, "kenji", review("APPROVED"));
    driver.runJobs(incident);
    submit(incident, Tasks.WRAP_UP, "emma", wrapUp());
    driver.runJobs(incident);
    assertThat(incident).isEnded();

    Map<String, Long> after = historyRows();
    long total = 0;
    StringBuilder perTable = new StringBuilder();
    for (Map.Entry<String, Long> table : after.entrySet()) {
      long rows = table.getValue() - before.getOrDefault(table.getKey(), 0L);
      total += rows;
      perTable.append(' ').append(table.getKey()).append('=').append(rows);
    }
    System.out.printf("History rows of one incident (9 steps by submit-form, its notifications delivered): %d;%s%n", total, perTable);

    String id = incident.getId();
    List<String> deliveries = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NotificationDelivery.PROCESS_KEY).processInstanceBusinessKey(incident.getBusinessKey()).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    assertThat(deliveries).isNotEmpty();

    // Left out: form-property details, the identity-link log, the deliveries' bookkeeping details.
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(id).formFields().count()).isZero();
    assertThat(after.get("ACT_HI_IDENTITYLINK")).isEqualTo(before.get("ACT_HI_IDENTITYLINK"));
    for (String delivery : deliveries) {
      assertThat(historyService.createHistoricDetailQuery().processInstanceId(delivery).count()).isZero();
      // ... while the deliveries' variables are kept, as every variable is.
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(delivery).list())
          .extracting(HistoricVariableInstance::getName)
          .contains(NotificationDelivery.Variables.INCIDENT_ID, NotificationDelivery.Variables.NOTIFICATION,
              NotificationDelivery.Variables.STEP, NotificationDelivery.Variables.CHANNEL);
    }

    // Kept: what the timeline, the report, the metrics record and the audit read.
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id).activityId(Tasks.WRAP_UP).finished().count()).isEqualTo(1);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(id).taskDefinitionKey(Tasks.REVIEW_FIX).singleResult().getAssignee())
        .isEqualTo("kenji");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id).variableName(Variables.PRIORITY).list())
        .extracting(HistoricVariableInstance::getValue)
        .containsExactly("P3");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(id).variableUpdates().list())
        .extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .contains(Variables.TITLE, Variables.PROVISIONAL_IMPACT, Variables.IMPORTANCE, Variables.PRIORITY, Variables.ROOT_CAUSE,
            Variables.REVIEW_DECISION, Variables.WRAP_UP_SUMMARY);
    assertThat(messages(incident)).contains("Reproduced on staging");
    List<UserOperationLogEntry> completions =
        historyService.createUserOperationLogQuery().processInstanceId(id).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
    assertThat(completions).extracting(UserOperationLogEntry::getUserId).containsOnly("emma", "maria", "kenji");
    assertThat(completions.stream().map(UserOperationLogEntry::getTaskId).distinct()).hasSize(9);
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(id).operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).list()
        .stream().map(UserOperationLogEntry::getTaskId).distinct()).hasSize(9);
  }

  /** Completes the step as Tasklist does: claim, then submit its form. */
  private void submit(ProcessInstance incident, String taskKey, String user, Map<String, Object> values) {
    Task task = driver.task(incident, taskKey);
    driver.logIn(user);
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      engine.getFormService().submitTaskForm(task.getId(), values);
    } finally {
      driver.logOut();
    }
  }

  /** Rows in each of the engine's history tables (ACT_HI_*). */
  private Map<String, Long> historyRows() {
    Map<String, Long> rows = new TreeMap<>();
    engine.getManagementService().getTableCount().forEach((table, count) -> {
      if (table.toUpperCase(Locale.ROOT).startsWith("ACT_HI_")) {
        rows.put(table.toUpperCase(Locale.ROOT), count);
      }
    });
    return rows;
  }

  private List<String> messages(ProcessInstance incident) {
    return taskService.getProcessInstanceComments(incident.getId()).stream().map(Comment::getFullMessage).toList();
  }
}
