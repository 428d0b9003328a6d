package com.incidentflow.process.conflict;

import static com.incidentflow.process.IncidentDriver.importance;
import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.situation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.notification.NotificationDelivery;
import com.incidentflow.notification.SentMailLog;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's step and a background job of the same incident at the same moment: the race is
 * provoked on purpose by holding one side until the other has committed (docs/adr/0004-notification-delivery-and-conflicts.md).
 */
@IncidentFlowTest
class ConflictRetryTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired SentMailLog sentMails;

  IncidentDriver driver;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new IncidentDriver(engine);
  }

  @AfterEach
  void reset() {
    CommandHold.disarm();
    ClockUtil.reset();
  }

  @Test
  void shouldCompleteTheStepWhenItsOverdueTimerFiredMeanwhile() {
    ProcessInstance incident = atJudgeImportance("Checkout fails");
    Job overdue = management.createJobQuery().processInstanceId(incident.getId()).activityId("BoundaryEvent_ImportanceOverdue").singleResult();
    ClockUtil.setCurrentTime(new Date(overdue.getDuedate().getTime() + 1000));

    CommandHold.Gate completing = CommandHold.arm(CompleteTaskCmd.class);
    CompletableFuture<Void> maria = CompletableFuture.runAsync(
        () -> driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("HIGH")));
    completing.awaitHeld();
    management.executeJob(overdue.getId()); // the timer fires and commits first
    completing.release();
    maria.join(); // no error reaches maria

    assertThat(completing.passes()).as("the completion lost the race and ran again").isEqualTo(2);
    assertThat(incident).hasPassed(Tasks.JUDGE_IMPORTANCE, Tasks.ESCALATE_JUDGEMENT).isWaitingAt(Tasks.JUDGE_URGENCY);
    driver.runJobs(incident);
    assertThat(Mails.withSubjectContaining(smtp, "Report to the manager")).hasSize(1);
    assertThat(Mails.withSubjectContaining(smtp, incident.getBusinessKey())).extracting(Mails::subject)
        .anySatisfy(subject -> assertThat(subject).contains("Judgement overdue"));
  }

  @Test
  void shouldRunADeliveryThatLostARaceAgainAtOnceWithoutSendingTwice() {
    ProcessInstance incident = atJudgeImportance("Reports are slow");
    String delivery = driver.deliveries(incident).get(0);
    Job job = management.createJobQuery().processInstanceId(delivery).singleResult();

    CommandHold.Gate delivering = CommandHold.arm(ExecuteJobsCmd.class);
    CompletableFuture<Void> executor = CompletableFuture.runAsync(() -> management.executeJob(job.getId()));
    delivering.awaitHeld(); // sent and recorded; the job's own transaction not yet written
    runtime.setVariable(delivery, NotificationDelivery.Variables.STEP, "Report to the manager (上長に報告)"); // an operator in Cockpit
    delivering.release();

    assertThat(catchCause(executor)).isInstanceOf(OptimisticLockingException.class);
    Job lost = management.createJobQuery().processInstanceId(delivery).singleResult();
    assertThat(lost.getId()).isEqualTo(job.getId());
    assertThat(lost.getRetries()).isEqualTo(job.getRetries());
    assertThat(management.createJobQuery().processInstanceId(delivery).executable().count())
        .as("due now, not after the SMTP retry interval").isEqualTo(1);

    driver.runJobs(incident);
    assertThat(driver.deliveries(incident)).isEmpty();
    assertThat(Mails.withSubjectContaining(smtp, "Report to the manager")).hasSize(1);
    assertThat(sentMails.of(incident.getId())).hasSize(1);
  }

  private ProcessInstance atJudgeImportance(String title) {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report(title));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    return incident;
  }

  private static Throwable catchCause(CompletableFuture<Void> future) {
    try {
      future.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
