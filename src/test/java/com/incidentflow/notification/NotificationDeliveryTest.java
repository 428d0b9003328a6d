package com.incidentflow.notification;

import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.situation;
import static com.incidentflow.process.IncidentDriver.importance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A notification is never lost, never sent twice and never holds up the incident, even while SMTP is down. */
@IncidentFlowTest
class NotificationDeliveryTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired SentMailLog sentMails;
  @Autowired PlatformTransactionManager transactions;

  IncidentDriver driver;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new IncidentDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldShowTheNextStepAtOnceWhileSmtpIsDownAndDeliverOnceItIsBack() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Payments time out"));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    smtp.stop();

    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    assertThat(incident).isWaitingAt(Tasks.JUDGE_IMPORTANCE);
    Job report = deliveryJob(incident);
    Date failedAt = ClockUtil.getCurrentTime();
    assertThatThrownBy(() -> management.executeJob(report.getId())).hasMessageContaining("Mail server connection failed");

    Job retried = deliveryJob(incident);
    assertThat(retried.getRetries()).isEqualTo(report.getRetries() - 1);
    assertThat(retried.getDuedate()).isAfterOrEqualTo(new Date(failedAt.getTime() + Duration.ofMinutes(1).toMillis() - 1000));
    // The managers work on while the mail waits for the server.
    driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("HIGH"));
    assertThat(incident).isWaitingAt(Tasks.JUDGE_URGENCY);

    smtp.start();
    ClockUtil.setCurrentTime(new Date(failedAt.getTime() + Duration.ofMinutes(2).toMillis()));
    driver.runJobs(incident);

    assertThat(Mails.withSubjectContaining(smtp, "Report to the manager")).hasSize(1);
    assertThat(smtp.getReceivedMessages()).hasSize(2); // one copy per recipient: maria and the leads' list
    assertThat(driver.deliveries(incident)).isEmpty();
    assertThat(sentMails.of(incident.getId())).extracting(SentMailLog.Sent::subject).containsExactly(
        "[" + incident.getBusinessKey() + "] Payments time out — Report to the manager");
  }

  /**
   * Ten incidents reported and judged during a 9-minute outage: every step appears at once, and
   * every mail goes out exactly once at the deliveries' next retry, at most a minute after the
   * server is back (they retry every minute, however long the outage has lasted).
   */
  @Test
  void shouldSendEveryMailOnceWithinAMinuteOfTheServersReturn() {
    Date start = ClockUtil.getCurrentTime();
    smtp.stop();
    List<ProcessInstance> incidents = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ProcessInstance incident = driver.report("emma", IncidentDriver.report("Outage run " + i));
      driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
      driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
      driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("HIGH"));
      assertThat(incident).isWaitingAt(Tasks.JUDGE_URGENCY);
      incidents.add(incident);
    }
    // The deliveries keep failing through the outage; each failure makes the next try due a minute later.
    for (int minute = 0; minute <= 8; minute++) {
      Date now = new Date(start.getTime() + Duration.ofMinutes(minute).toMillis());
      ClockUtil.setCurrentTime(now);
      for (ProcessInstance incident : incidents) {
        String job = deliveryJobDue(incident);
        assertThat(job).as("%s's delivery due again at minute %d", incident.getBusinessKey(), minute).isNotNull();
        assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("Mail server connection failed");
        assertThat(deliveryJob(incident).getDuedate()).isAfterOrEqualTo(new Date(now.getTime() + Duration.ofMinutes(1).toMillis() - 1000));
      }
    }

    smtp.start(); // back half a minute after the last failures; their next tries are a minute after them
    ClockUtil.setCurrentTime(new Date(start.getTime() + Duration.ofMinutes(9).toMillis()));
    incidents.forEach(driver::runJobs);

    for (ProcessInstance incident : incidents) {
      assertThat(Mails.withSubjectContaining(smtp, incident.getBusinessKey())).as("%s's report, sent once", incident.getBusinessKey()).hasSize(1);
      assertThat(sentMails.of(incident.getId())).hasSize(1);
      assertThat(driver.deliveries(incident)).isEmpty();
    }
  }

  @Test
  void shouldShowFailedJobWhenRetriesRunOutAndSendOnOperatorRetry() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Search is down"));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    smtp.stop();
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("ALL"));
    String delivery = driver.deliveries(incident).get(0);

    int attempts = 0;
    while (deliveryJob(incident).getRetries() > 0) {
      String id = deliveryJob(incident).getId();
      assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("Mail server connection failed");
      attempts++;
    }
    assertThat(attempts).isEqualTo(60); // R60/PT1M: sixty tries, a minute apart

    // Cockpit shows the failed delivery, under the incident's number; the incident is not held.
    List<Incident> failures = runtime.createIncidentQuery().processInstanceId(delivery).list();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(failures.get(0).getActivityId()).isEqualTo(NotificationDelivery.Tasks.DELIVER);
    assertThat(failures.get(0).getIncidentMessage()).contains("Mail server connection failed");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(delivery).singleResult().getBusinessKey())
        .isEqualTo(incident.getBusinessKey());
    assertThat(incident).isWaitingAt(Tasks.JUDGE_IMPORTANCE);

    smtp.start();
    String failed = deliveryJob(incident).getId();
    management.setJobRetries(failed, 1); // what an operator does in Cockpit
    management.executeJob(failed); // what the job executor then does

    assertThat(Mails.withSubjectContaining(smtp, "Report to the manager")).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(delivery).count()).isZero();
    assertThat(driver.deliveries(incident)).isEmpty();
  }

  /**
   * The delivery's transaction is lost after the SMTP server took the mail (a crash before the
   * commit): the job runs again, finds the mail recorded as sent, and does not send it twice.
   */
  @Test
  void shouldNotSendAgainWhenTheDeliveryRunsAgainAfterItsTransactionWasLost() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Exports are empty"));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("ONE"));
    String job = deliveryJob(incident).getId();

    TransactionTemplate crashing = new TransactionTemplate(transactions);
    crashing.executeWithoutResult(status -> {
      management.executeJob(job);
      status.setRollbackOnly();
    });
    assertThat(Mails.withSubjectContaining(smtp, "Report to the manager")).hasSize(1);
    assertThat(deliveryJob(incident).getId()).isEqualTo(job);

    driver.runJobs(incident);

    assertThat(Mails.withSubjectContaining(smtp, "Report to the manager")).hasSize(1);
    assertThat(driver.deliveries(incident)).isEmpty();
    assertThat(sentMails.of(incident.getId())).hasSize(1);
  }

  @Test
  void shouldEscapeWhatPeopleTypedInHtmlMail() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("<script>alert('x')</script> & <b>bold</b>"));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    driver.runJobs(incident);

    MimeMessage report = Mails.withSubjectContaining(smtp, "Report to the manager").get(0);
    assertThat(Mails.html(report))
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
        .doesNotContain("<script>")
        .doesNotContain("<b>bold");
    assertThat(Mails.subject(report)).contains("<script>alert('x')</script> & <b>bold</b>");
  }

  private String deliveryJobDue(ProcessInstance incident) {
    Job job = management.createJobQuery().processInstanceId(driver.deliveries(incident).get(0)).executable().singleResult();
    return job == null ? null : job.getId();
  }

  /**
   * Deliveries someone has to act on now are taken first when jobs queue up: the manager's report carries a higher job
   * priority than the announcement of the priority, and the engine acquires jobs by priority.
   */
  @Test
  void shouldTakeTheManagersReportBeforeDeliveriesThatOnlyInform() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Invoices are not generated"));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    Job managerReport = deliveryJob(incident);
    driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("HIGH"));
    driver.complete(incident, Tasks.JUDGE_URGENCY, "maria", IncidentDriver.urgency("URGENT"));
    List<Job> queued = driver.deliveries(incident).stream()
        .map(delivery -> management.createJobQuery().processInstanceId(delivery).singleResult()).toList();

    assertThat(managerReport.getPriority()).isEqualTo(DeliveryPriority.ACT_NOW);
    assertThat(queued).extracting(Job::getPriority).containsExactlyInAnyOrder(DeliveryPriority.ACT_NOW, DeliveryPriority.INFORM);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorAcquireByPriority()).isTrue();
    // What the job executor's acquisition takes first of every job due now (other tests' queued deliveries included):
    // one of the highest priority, never one that only informs while the manager's report waits.
    AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
        .execute(new AcquireJobsCmd(configuration.getJobExecutor(), 1));
    List<String> first = acquired.getJobIdBatches().get(0);
    try {
      assertThat(management.createJobQuery().jobId(first.get(0)).singleResult().getPriority()).isEqualTo(DeliveryPriority.ACT_NOW);
    } finally {
      // Unlocked again, for the tests that run the queued jobs by hand.
      configuration.getCommandExecutorTxRequired().execute(context -> {
        context.getJobManager().findJobById(first.get(0)).unlock();
        return null;
      });
    }
  }

  private Job deliveryJob(ProcessInstance incident) {
    List<String> deliveries = driver.deliveries(incident);
    assertThat(deliveries).hasSize(1);
    return management.createJobQuery().processInstanceId(deliveries.get(0)).singleResult();
  }
}
