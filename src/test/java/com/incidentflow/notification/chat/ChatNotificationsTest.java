package com.incidentflow.notification.chat;

import static com.incidentflow.process.IncidentDriver.importance;
import static com.incidentflow.process.IncidentDriver.impact;
import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.rootCauseFound;
import static com.incidentflow.process.IncidentDriver.situation;
import static com.incidentflow.process.IncidentDriver.urgency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.notification.NotificationDelivery;
import com.incidentflow.notification.NotificationDelivery.Channel;
import com.incidentflow.notification.chat.ChatStandIn.Request;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chat deliveries against a local stand-in for Slack and Teams: what is posted where, one Slack
 * thread per incident and channel, retries that never post twice, and failures that never touch the
 * incident or its mails.
 */
@IncidentFlowTest
class ChatNotificationsTest {

  static final String SLACK_POST = "/slack/api/chat.postMessage";
  static final String SLACK_UPDATE = "/slack/api/chat.update";
  static final Path GOLDEN = Path.of("src/test/resources/golden/chat-transcript.md");

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  static ChatStandIn chat;

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired PlatformTransactionManager transactions;
  @Autowired IdentityService identity;

  IncidentDriver driver;

  @BeforeAll
  static void startStandIn() {
    chat = ChatStandIn.start();
  }

  @AfterAll
  static void stopStandIn() {
    chat.close();
  }

  @BeforeEach
  void setUp() {
    chat.reset();
    driver = new IncidentDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldOpenThreadInRoleChannelThenReplyInItAndUpdateTheRoot() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Payments time out @here"));
    String number = incident.getBusinessKey();
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    assertThat(driver.deliveries(incident, Channel.SLACK)).hasSize(1);
    assertThat(driver.deliveries(incident, Channel.TEAMS)).hasSize(1);

    deliverChat(incident, Channel.SLACK);

    List<Request> opened = chat.requests();
    assertThat(opened).extracting(Request::path).containsExactly(SLACK_POST, SLACK_POST);
    Request root = opened.get(0);
    assertThat(root.authorization()).isEqualTo("Bearer xoxb-test-token");
    assertThat(root.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(root.body().path("channel").asText()).isEqualTo("C0MANAGERS");
    assertThat(root.body().has("thread_ts")).isFalse();
    assertThat(root.body().path("link_names").asBoolean(true)).isFalse();
    assertThat(root.body().path("unfurl_links").asBoolean(true)).isFalse();
    assertThat(root.body().path("text").asText())
        .startsWith("*[" + number + "] Payments time out @\u200Bhere*\n*Step:* ")
        .contains("*Open steps:* Judge importance (重要かの判断) — unassigned")
        .contains("|Open Tasklist>")
        .contains("<http://incident-flow.test/camunda/app/cockpit/default/#/process-instance/" + incident.getId() + "/runtime|")
        .contains("<http://incident-flow.test/api/incidents/" + number + "/report|");
    Request reply = opened.get(1);
    assertThat(reply.body().path("channel").asText()).isEqualTo("C0MANAGERS");
    assertThat(reply.body().path("thread_ts").asText()).isEqualTo(ChatStandIn.ts(1));
    assertThat(reply.body().path("text").asText())
        .startsWith("*A production incident was reported and " + number + " was opened.")
        .contains("*What is affected:* Invoices with discounts cannot be saved")
        .contains("*Error text:* 500 Internal Server Error")
        .doesNotContain("<!")
        .doesNotContain("@here");
    assertThat(driver.deliveries(incident, Channel.SLACK)).isEmpty();

    driver.runJobs(incident); // the mail, meanwhile, on its own
    driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("HIGH"));
    driver.complete(incident, Tasks.JUDGE_URGENCY, "maria", urgency("NOT_URGENT"));
    deliverChat(incident, Channel.SLACK);
    // Priority decided: engineers and CS, each channel's first message of this incident.
    assertThat(chat.requests().subList(2, chat.requests().size()))
        .extracting(r -> r.path() + " " + r.body().path("channel").asText() + " " + r.body().path("thread_ts").asText())
        .containsExactly(
            SLACK_POST + " C0ENGINEERS ", SLACK_POST + " C0ENGINEERS " + ChatStandIn.ts(3),
            SLACK_POST + " C0CS ", SLACK_POST + " C0CS " + ChatStandIn.ts(5));

    driver.complete(incident, Tasks.INVESTIGATE, "emma", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("SOME", "Acme Corp"));
    int before = chat.requests().size();
    deliverChat(incident, Channel.SLACK);
    // Impact confirmed: managers and CS, as replies in their threads; each root then shows the state now.
    List<Request> impact = chat.requests().subList(before, chat.requests().size());
    assertThat(impact)
        .extracting(r -> r.path() + " " + r.body().path("channel").asText() + " " + r.body().path("thread_ts").asText(r.body().path("ts").asText()))
        .containsExactly(
            SLACK_POST + " C0MANAGERS " + ChatStandIn.ts(1), SLACK_UPDATE + " C0MANAGERS " + ChatStandIn.ts(1),
            SLACK_POST + " C0CS " + ChatStandIn.ts(5), SLACK_UPDATE + " C0CS " + ChatStandIn.ts(5));
    JsonNode update = impact.get(1).body();
    assertThat(update.path("text").asText())
        .startsWith("*[" + number + "][P2] Payments time out @\u200Bhere*\n")
        .contains("*Priority:* P2")
        .contains("*Open steps:* Contact affected client (クライアント連絡/謝罪) — unassigned");
    assertThat(impact.get(0).body().path("text").asText()).contains("*Affected clients:* Acme Corp");
  }

  @Test
  void shouldPostOneTeamsCardPerNotificationAndRole() {
    ProcessInstance incident = driver.reportAndJudge("Search is slow", "SOME", "HIGH", "NOT_URGENT");
    deliverChat(incident, Channel.TEAMS);

    // Report to the manager: managers; priority decided: CS (engineers have no Teams workflow here).
    assertThat(chat.requests()).extracting(Request::path).containsExactly("/teams/managers", "/teams/cs");
    Request card = chat.requests().get(1);
    assertThat(card.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(card.authorization()).isNull();
    JsonNode content = card.body().path("attachments").get(0).path("content");
    assertThat(content.path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(content.path("body").get(0).path("text").asText())
        .isEqualTo("\\[" + incident.getBusinessKey() + "\\]\\[P2\\] Search is slow — Priority decided");
    assertThat(content.path("body").get(3).path("facts").findValuesAsText("title")).contains("Priority", "Importance", "Urgency");
    assertThat(content.path("actions").get(2).path("url").asText())
        .isEqualTo("http://incident-flow.test/api/incidents/" + incident.getBusinessKey() + "/report");
  }

  /** Slack took the root and the reply, then the job's transaction was lost: its re-run posts nothing again. */
  @Test
  void shouldNotPostAgainWhenTheDeliveryRunsAgainAfterSlackTookIt() {
    ProcessInstance incident = reportToManager("Exports are empty");
    String job = chatJob(incident, Channel.SLACK).getId();

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      management.executeJob(job);
      status.setRollbackOnly();
    });
    assertThat(chat.requests(SLACK_POST)).hasSize(2);
    assertThat(chatJob(incident, Channel.SLACK).getId()).isEqualTo(job);

    management.executeJob(job);

    assertThat(chat.requests(SLACK_POST)).hasSize(2);
    assertThat(chat.requests(SLACK_UPDATE)).isEmpty();
    assertThat(driver.deliveries(incident, Channel.SLACK)).isEmpty();
  }

  /** The root went out, the reply hit a Slack outage: the retry replies in the thread it opened, once. */
  @Test
  void shouldReplyInTheStoredThreadWhenRetriedAfterAnOutage() {
    ProcessInstance incident = reportToManager("Login loops");
    chat.answerNext(SLACK_POST, 200, Map.of(), "{\"ok\":true,\"ts\":\"" + ChatStandIn.ts(1) + "\"}");
    chat.answerNext(SLACK_POST, 503, Map.of(), "upstream connect error");
    Date failedAt = ClockUtil.getCurrentTime();
    Job job = chatJob(incident, Channel.SLACK);

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("answered HTTP 503: upstream connect error");

    Job retried = chatJob(incident, Channel.SLACK);
    assertThat(retried.getRetries()).isEqualTo(job.getRetries() - 1);
    assertThat(retried.getDuedate()).isAfterOrEqualTo(new Date(failedAt.getTime() + Duration.ofMinutes(1).toMillis() - 1000));
    assertThat(driver.task(incident, Tasks.JUDGE_IMPORTANCE)).isNotNull();

    ClockUtil.setCurrentTime(new Date(failedAt.getTime() + Duration.ofMinutes(2).toMillis()));
    deliverChat(incident, Channel.SLACK);

    List<Request> posts = chat.requests(SLACK_POST);
    assertThat(posts).extracting(r -> r.body().path("thread_ts").asText("root") + " " + r.status())
        .containsExactly("root 200", ChatStandIn.ts(1) + " 503", ChatStandIn.ts(1) + " 200");
    assertThat(posts.get(2).body().path("text").asText()).isEqualTo(posts.get(1).body().path("text").asText());
  }

  @Test
  void shouldRetryWhenSlackAsksAfterRateLimiting() {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime())); // still, so the due date is exact
    ProcessInstance incident = reportToManager("Reports are late");
    chat.answerNext(SLACK_POST, 429, Map.of("Retry-After", "120"), "");
    Date failedAt = ClockUtil.getCurrentTime();
    Job job = chatJob(incident, Channel.SLACK);

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("answered HTTP 429");

    Job retried = chatJob(incident, Channel.SLACK);
    assertThat(retried.getRetries()).isEqualTo(job.getRetries() - 1);
    assertThat(retried.getDuedate()).isEqualTo(new Date(failedAt.getTime() + Duration.ofSeconds(120).toMillis()));
    assertThat(retried.getExceptionMessage()).contains("HTTP 429");

    ClockUtil.setCurrentTime(new Date(failedAt.getTime() + Duration.ofSeconds(119).toMillis()));
    assertThat(management.createJobQuery().jobId(retried.getId()).executable().count()).isZero();
    ClockUtil.setCurrentTime(new Date(failedAt.getTime() + Duration.ofSeconds(120).toMillis()));
    deliverChat(incident, Channel.SLACK);
    assertThat(chat.requests(SLACK_POST)).extracting(Request::status).containsExactly(429, 200, 200);
  }

  @Test
  void shouldRetryWhenTeamsAsksAfterRateLimiting() {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime())); // still, so the due date is exact
    ProcessInstance incident = reportToManager("Uploads fail");
    chat.answerNext("/teams/managers", 429, Map.of("Retry-After", "45"), "");
    Date failedAt = ClockUtil.getCurrentTime();
    Job job = chatJob(incident, Channel.TEAMS);

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Teams workflow webhook of managers answered HTTP 429");

    assertThat(chatJob(incident, Channel.TEAMS).getDuedate()).isEqualTo(new Date(failedAt.getTime() + Duration.ofSeconds(45).toMillis()));
    ClockUtil.setCurrentTime(new Date(failedAt.getTime() + Duration.ofSeconds(45).toMillis()));
    deliverChat(incident, Channel.TEAMS);
    assertThat(chat.requests("/teams/managers")).extracting(Request::status).containsExactly(429, 202);
  }

  /** A refusal that no retry can fix fails the job at once, in Cockpit, while the mail goes out. */
  @Test
  void shouldFailAtOnceWhenSlackRefusesForGoodAndStillSendTheMail() {
    ProcessInstance incident = reportToManager("Invoices are doubled");
    chat.answerNext(SLACK_POST, 200, Map.of(), "{\"ok\":false,\"error\":\"not_in_channel\"}");
    String delivery = driver.deliveries(incident, Channel.SLACK).get(0);
    Job job = chatJob(incident, Channel.SLACK);

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("not_in_channel");

    assertThat(chatJob(incident, Channel.SLACK).getRetries()).isZero();
    List<Incident> failures = runtime.createIncidentQuery().processInstanceId(delivery).list();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(failures.get(0).getActivityId()).isEqualTo(NotificationDelivery.Tasks.DELIVER);
    assertThat(failures.get(0).getIncidentMessage())
        .isEqualTo("Slack chat.postMessage in channel C0MANAGERS was refused: not_in_channel — this will not succeed by retrying; "
            + "fix the Slack app or incident-flow.chat.slack, then retry the job in Cockpit");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(delivery).singleResult().getBusinessKey())
        .isEqualTo(incident.getBusinessKey());

    driver.runJobs(incident);
    assertThat(Mails.withSubjectContaining(smtp, incident.getBusinessKey())).isNotEmpty();
    driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("LOW"));

    // The operator invited the app to the channel and retries the job in Cockpit.
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(delivery).count()).isZero();
    assertThat(chat.requests(SLACK_POST)).extracting(Request::status).containsExactly(200, 200, 200);
  }

  @Test
  void shouldFailAtOnceWhenTeamsRejectsTheCardWithoutShowingTheWebhook() {
    ProcessInstance incident = reportToManager("Search shows other tenants");
    chat.answerNext("/teams/managers", 400, Map.of(), "{\"error\":{\"code\":\"InvalidRequestContent\"}}");
    String delivery = driver.deliveries(incident, Channel.TEAMS).get(0);
    Job job = chatJob(incident, Channel.TEAMS);

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 400");

    Incident failure = runtime.createIncidentQuery().processInstanceId(delivery).singleResult();
    assertThat(failure.getIncidentMessage())
        .startsWith("Teams workflow webhook of managers answered HTTP 400: {\"error\":{\"code\":\"InvalidRequestContent\"}}")
        .contains("will not succeed by retrying")
        .doesNotContain("127.0.0.1");
    assertThat(chatJob(incident, Channel.TEAMS).getRetries()).isZero();
  }

  /**
   * One incident from report to wrap-up, every chat post in order, against the reviewed transcript:
   * who hears what in which channel, thread by thread.
   */
  @Test
  void shouldPostTheWholeIncidentAsTheReviewedTranscript() throws Exception {
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2042-03-02T01:00:00Z")));
    identity.setUserInfo("maria", ChatNotifications.SLACK_USER_INFO, "U0MARIA");
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Invoices <fail> & @channel gets pinged"));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    deliverAll(incident);
    driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("HIGH"));
    driver.complete(incident, Tasks.JUDGE_URGENCY, "maria", urgency("URGENT"));
    deliverAll(incident);
    driver.complete(incident, Tasks.FIRST_RESPONSE, "emma", IncidentDriver.firstResponse());
    driver.complete(incident, Tasks.INVESTIGATE, "emma", IncidentDriver.helpNeeded("infra"));
    deliverAll(incident);
    driver.complete(incident, Tasks.SPECIALIST_HELP, "ivan", IncidentDriver.values(Variables.SPECIALIST_FINDINGS, "app-2 disk was full"));
    driver.complete(incident, Tasks.INVESTIGATE, "emma", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("ONE", "Acme Corp"));
    deliverAll(incident);
    driver.complete(incident, Tasks.CONTACT_CLIENT, "chloe", IncidentDriver.clientContact("Understood"));
    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", IncidentDriver.fix());
    driver.complete(incident, Tasks.REVIEW_FIX, "kenji", IncidentDriver.review("APPROVED"));
    deliverAll(incident);
    driver.complete(incident, Tasks.WRAP_UP, "emma", IncidentDriver.wrapUp());
    deliverAll(incident);

    assertThat(incident.getBusinessKey()).isEqualTo("INC-2042-0001");
    String transcript = ChatTranscript.of(chat.requests(), Map.of(incident.getId(), "{incident}"));
    Path actual = Path.of("target/actual-chat-transcript.md");
    Files.writeString(actual, transcript, StandardCharsets.UTF_8);
    assertThat(transcript).as("chat transcript differs from the reviewed %s; see %s", GOLDEN, actual)
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  private void deliverAll(ProcessInstance incident) {
    deliverChat(incident, Channel.SLACK);
    deliverChat(incident, Channel.TEAMS);
  }

  private ProcessInstance reportToManager(String title) {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report(title));
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    return incident;
  }

  private Job chatJob(ProcessInstance incident, Channel channel) {
    List<String> deliveries = driver.deliveries(incident, channel);
    assertThat(deliveries).hasSize(1);
    return management.createJobQuery().processInstanceId(deliveries.get(0)).singleResult();
  }

  /** Runs the incident's due deliveries of channel, as the job executor would. */
  private void deliverChat(ProcessInstance incident, Channel channel) {
    for (String delivery : driver.deliveries(incident, channel)) {
      for (Job job : management.createJobQuery().processInstanceId(delivery).executable().list()) {
        management.executeJob(job.getId());
      }
    }
  }
}
