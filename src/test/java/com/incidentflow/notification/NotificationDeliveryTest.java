package com.incidentflow.notification;

import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.situation;
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

/** A notification is never lost and never holds up the incident, even while SMTP is down. */
@IncidentFlowTest
class NotificationDeliveryTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

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
  void shouldCompleteStepWhileSmtpIsDownAndDeliverOnceItIsBack() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Payments time out"));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    smtp.stop();

    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    Job report = reportJob(incident);
    Date failedAt = ClockUtil.getCurrentTime();
    assertThatThrownBy(() -> management.executeJob(report.getId())).hasMessageContaining("Mail server connection failed");

    Job retried = reportJob(incident);
    assertThat(retried.getRetries()).isEqualTo(report.getRetries() - 1);
    assertThat(retried.getDuedate()).isAfterOrEqualTo(new Date(failedAt.getTime() + Duration.ofMinutes(1).toMillis() - 1000));
    assertThat(incident).isWaitingAt(Tasks.REPORT_TO_MANAGER);

    smtp.start();
    ClockUtil.setCurrentTime(new Date(failedAt.getTime() + Duration.ofMinutes(2).toMillis()));
    driver.runJobs(incident);

    assertThat(Mails.withSubjectContaining(smtp, "Report to the manager")).hasSize(1);
    assertThat(smtp.getReceivedMessages()).hasSize(2); // one copy per recipient: maria and the leads' list
    assertThat(incident).isWaitingAt(Tasks.JUDGE_IMPORTANCE);
  }

  @Test
  void shouldShowFailedJobWhenRetriesRunOutAndSendOnOperatorRetry() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Search is down"));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("ALL"));
    smtp.stop();

    int attempts = 0;
    while (reportJob(incident).getRetries() > 0) {
      String id = reportJob(incident).getId();
      assertThatThrownBy(() -> management.executeJob(id)).isNotNull();
      attempts++;
    }
    assertThat(attempts).isEqualTo(6); // the first try and five retries over the retry cycle

    List<Incident> failures = runtime.createIncidentQuery().processInstanceId(incident.getId()).list();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(failures.get(0).getActivityId()).isEqualTo(Tasks.REPORT_TO_MANAGER);
    assertThat(failures.get(0).getIncidentMessage()).contains("Mail server connection failed");
    assertThat(incident).isWaitingAt(Tasks.REPORT_TO_MANAGER);

    smtp.start();
    String failed = reportJob(incident).getId();
    management.setJobRetries(failed, 1); // what an operator does in Cockpit
    management.executeJob(failed); // what the job executor then does
    driver.runJobs(incident);

    assertThat(Mails.withSubjectContaining(smtp, "Report to the manager")).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(incident.getId()).count()).isZero();
    assertThat(incident).isWaitingAt(Tasks.JUDGE_IMPORTANCE);
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

  private Job reportJob(ProcessInstance incident) {
    return management.createJobQuery().processInstanceId(incident.getId()).activityId(Tasks.REPORT_TO_MANAGER).singleResult();
  }
}
