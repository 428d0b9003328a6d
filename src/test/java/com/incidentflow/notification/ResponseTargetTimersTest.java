package com.incidentflow.notification;

import static com.incidentflow.process.IncidentDriver.firstResponse;
import static com.incidentflow.process.IncidentDriver.fix;
import static com.incidentflow.process.IncidentDriver.importance;
import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.rootCauseFound;
import static com.incidentflow.process.IncidentDriver.situation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Response targets: overdue steps escalate, status updates are asked for, ETA changes reach CS. */
@IncidentFlowTest
class ResponseTargetTimersTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired TaskService taskService;

  IncidentDriver driver;
  Date start;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new IncidentDriver(engine);
    start = new Date();
    ClockUtil.setCurrentTime(start);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldEscalateWhenJudgementOverdueUsingTheP1TargetBeforePriorityIsKnown() {
    ProcessInstance incident = reportedToManagers("Orders vanish");
    Job timer = timer(incident, Tasks.IMPORTANCE_OVERDUE);
    assertThat(timer.getDuedate()).isEqualTo(at(Duration.ofMinutes(15)));

    advance(Duration.ofMinutes(14));
    driver.runJobs(incident);
    assertThat(Mails.withSubjectContaining(smtp, "Judgement overdue")).isEmpty();

    advance(Duration.ofMinutes(16));
    driver.runJobs(incident);
    List<MimeMessage> escalations = Mails.withSubjectContaining(smtp, "Judgement overdue");
    assertThat(escalations).hasSize(1);
    assertThat(Mails.recipients(escalations.get(0))).containsExactly("incident-leads@example.com", "maria@example.com");
    assertThat(Mails.body(escalations.get(0))).contains("Judge importance (重要かの判断) — unassigned").contains("15 min");
    assertThat(incident).isWaitingAt(Tasks.JUDGE_IMPORTANCE); // non-interrupting: the manager still judges

    advance(Duration.ofMinutes(31));
    driver.runJobs(incident);
    advance(Duration.ofMinutes(46));
    driver.runJobs(incident);
    advance(Duration.ofMinutes(120));
    driver.runJobs(incident);
    assertThat(Mails.withSubjectContaining(smtp, "Judgement overdue")).hasSize(3); // three escalations, then quiet

    driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("MEDIUM"));
    assertThat(timer(incident, Tasks.URGENCY_OVERDUE)).isNotNull();
  }

  @Test
  void shouldEscalateOverdueFirstResponseAtThePriorityTarget() {
    ProcessInstance incident = driver.reportAndJudge("Checkout down", "SOME", "HIGH", "URGENT");
    assertThat(incident).isWaitingAt(Tasks.FIRST_RESPONSE);
    Date created = driver.task(incident, Tasks.FIRST_RESPONSE).getCreateTime();
    assertThat(timer(incident, Tasks.FIRST_RESPONSE_OVERDUE).getDuedate()).isEqualTo(new Date(created.getTime() + Duration.ofHours(1).toMillis()));

    advance(Duration.ofMinutes(61));
    driver.runJobs(incident);

    MimeMessage escalation = Mails.withSubjectContaining(smtp, "First response overdue").get(0);
    assertThat(Mails.subject(escalation)).startsWith("[" + incident.getBusinessKey() + "][P1]");
    assertThat(Mails.recipients(escalation)).contains("maria@example.com");
  }

  @Test
  void shouldNotArmFirstResponseEscalationWithoutTarget() {
    ProcessInstance incident = driver.reportAndJudge("Minor glitch, client waiting", "ONE", "LOW", "URGENT");
    assertThat(driver.variable(incident, Variables.PRIORITY)).isEqualTo("P3");
    assertThat(timer(incident, Tasks.FIRST_RESPONSE_OVERDUE).getDuedate()).isAfter(at(Duration.ofDays(3000)));
  }

  @Test
  void shouldRemindEngineersOnTheCaseAtThePriorityCadence() {
    ProcessInstance incident = driver.reportAndJudge("Reports slow", "SOME", "HIGH", "NOT_URGENT");
    assertThat(driver.variable(incident, Variables.STATUS_UPDATE_INTERVAL)).isEqualTo("PT1H");
    taskService.claim(driver.task(incident, Tasks.INVESTIGATE).getId(), "kenji");

    advance(Duration.ofMinutes(61));
    driver.runJobs(incident);
    List<MimeMessage> reminders = Mails.withSubjectContaining(smtp, "Status update due");
    assertThat(reminders).hasSize(1);
    assertThat(Mails.recipients(reminders.get(0))).containsExactly("kenji@example.com");
    assertThat(Mails.body(reminders.get(0))).contains("Investigate root cause and reproduce (根本原因の調査 + 再現) — kenji");

    advance(Duration.ofMinutes(122));
    driver.runJobs(incident);
    assertThat(Mails.withSubjectContaining(smtp, "Status update due")).hasSize(2);

    driver.complete(incident, Tasks.INVESTIGATE, "kenji", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "kenji", IncidentDriver.impact("NONE", null));
    driver.runJobs(incident);
    driver.complete(incident, Tasks.PERMANENT_FIX, "kenji", fix());
    driver.complete(incident, Tasks.REVIEW_FIX, "emma", IncidentDriver.review("APPROVED"));
    driver.runJobs(incident);
    assertThat(incident).isWaitingAt(Tasks.WRAP_UP);
    assertThat(management.createJobQuery().processInstanceId(incident.getId()).timers().count()).isZero();
  }

  @Test
  void shouldTellCsWhenTheEtaChangesAndOnlyThen() {
    ProcessInstance incident = driver.reportAndJudge("Exports broken", "SOME", "MEDIUM", "URGENT");
    Map<String, Object> response = firstResponse();
    response.put(Variables.ETA, "2026-11-26T18:00+09:00");
    response.put(Variables.NEXT_ACTIONS, "Patch the export query");
    driver.complete(incident, Tasks.FIRST_RESPONSE, "emma", response);
    driver.runJobs(incident);

    List<MimeMessage> etaMails = Mails.withSubjectContaining(smtp, "ETA changed");
    assertThat(etaMails).hasSize(1);
    assertThat(Mails.recipients(etaMails.get(0))).containsExactly("chloe@example.com");
    assertThat(Mails.body(etaMails.get(0))).contains("26 Nov 2026 18:00 JST").doesNotContain("2026-11-26T18:00").contains("Patch the export query");
    assertThat(driver.variable(incident, Variables.ANNOUNCED_ETA)).isEqualTo("2026-11-26T18:00+09:00");

    Map<String, Object> sameEta = rootCauseFound();
    sameEta.put(Variables.ETA, "2026-11-26T18:00+09:00");
    driver.complete(incident, Tasks.INVESTIGATE, "emma", sameEta);
    driver.runJobs(incident);
    assertThat(Mails.withSubjectContaining(smtp, "ETA changed")).hasSize(1);

    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", IncidentDriver.impact("NONE", null));
    driver.runJobs(incident);
    Map<String, Object> later = fix();
    later.put(Variables.ETA, "2026-11-27T12:00+09:00");
    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", later);
    driver.runJobs(incident);
    assertThat(Mails.withSubjectContaining(smtp, "ETA changed")).hasSize(2);
  }

  private ProcessInstance reportedToManagers(String title) {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report(title));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    driver.runJobs(incident);
    return incident;
  }

  private Job timer(ProcessInstance incident, String boundaryEvent) {
    return management.createJobQuery().processInstanceId(incident.getId()).activityId(boundaryEvent).timers().singleResult();
  }

  private Date at(Duration offset) {
    return new Date(start.getTime() + offset.toMillis());
  }

  private void advance(Duration offset) {
    ClockUtil.setCurrentTime(at(offset));
  }
}
