package com.incidentflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowApplication;
import com.incidentflow.Mails;
import com.incidentflow.notification.NotificationDelivery;
import com.incidentflow.database.ClusterStartupLock;
import com.incidentflow.database.TestDatabase;
import com.incidentflow.intake.ApiClient;
import com.incidentflow.intake.ApiClient.Answer;
import com.incidentflow.intake.alert.AlertController;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.security.Groups;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app nodes on one PostgreSQL database, both with the job executor on, as Camunda clusters: node A
 * in a JVM of its own, node B in the test's JVM (so the test can work steps on it). Both send mail to
 * the one SMTP server of the test (A through {@link SmtpGate}, which can hold A in the middle of sending).
 */
@Tag("cluster") // needs PostgreSQL shared by two JVMs: runs in -Ppostgres only (pom.xml)
class TwoNodesTest {

  /** Short, so that a job locked by a killed node is free again soon; the same on both nodes. */
  static final List<String> CLUSTER = List.of(
      "--camunda.bpm.job-execution.enabled=true",
      "--camunda.bpm.job-execution.lock-time-in-millis=15000",
      "--camunda.bpm.job-execution.max-wait=2000",
      // Mail is what is counted here; chat's stand-in server lives only in the chat tests.
      "--incident-flow.chat.enabled=false");

  static final Duration PATIENCE = Duration.ofMinutes(4);

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Test
  void shouldShareOneDatabaseBetweenTwoNodesWithEveryMailOnceAndNothingLostWhenOneIsKilled() throws Exception {
    try (TestDatabase database = TestDatabase.create("cluster");
        SmtpGate gate = new SmtpGate(Mails.PORT)) {
      assertThat(database.url).as("a PostgreSQL database (./mvnw verify -Ppostgres)").startsWith("jdbc:postgresql:");
      List<String> arguments = new ArrayList<>(database.arguments());
      arguments.addAll(CLUSTER);

      // Both nodes start at the same moment: the test holds the start-up lock until both wait for it.
      Node a;
      CompletableFuture<ConfigurableApplicationContext> startingB;
      try (Connection holder = database.connect()) {
        advisoryLock(holder, "pg_advisory_lock");
        a = Node.start("a", gate.port(), arguments);
        startingB = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(IncidentFlowApplication.class)
            .profiles("test").run(arguments.toArray(String[]::new)));
        awaitTrue(() -> waitingForStartUpLock(holder) == 2, "both nodes waiting for the start-up lock", a);
        advisoryLock(holder, "pg_advisory_unlock");
      }
      try (Node nodeA = a; ConfigurableApplicationContext b = startingB.get()) {
        nodeA.awaitReady(PATIENCE);
        ProcessEngine engine = b.getBean(ProcessEngine.class);
        ManagementService management = engine.getManagementService();
        JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
        String urlB = "http://localhost:" + b.getEnvironment().getRequiredProperty("local.server.port");

        // Start-up work once: migrations, the deployment, the role model's filters, no failed start.
        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class))
            .containsExactlyElementsOf(TestDatabase.migrationVersions());
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).count()).isEqualTo(1);
        assertThat(engine.getFilterService().createFilterQuery().filterName("My work (自分の作業)").count()).isEqualTo(1);
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.MANAGERS).count()).isEqualTo(1);

        // Numbers and alert de-duplication hold across nodes: reports and identical alerts to both at once.
        ApiClient apiA = api(nodeA.url());
        ApiClient apiB = api(urlB);
        List<String> numbers = ApiClient.simultaneously(20, 10, new java.util.concurrent.Callable<String>() {
          int calls;

          @Override
          public String call() {
            ApiClient api;
            synchronized (this) {
              api = calls++ % 2 == 0 ? apiA : apiB;
            }
            return api.post("/api/incidents", report("Simultaneous report")).body().path("number").asText();
          }
        });
        assertThat(numbers).doesNotHaveDuplicates().hasSize(20).allMatch(n -> n.startsWith("INC-"));
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(9))).sorted().toList();
        assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).isEqualTo(19);

        ObjectNode alert = ApiClient.fixture("firing.json").put("groupKey", "{}/{}:{alertname=\"BothNodes\"}");
        List<Answer> alerts = ApiClient.simultaneously(20, 10, new java.util.concurrent.Callable<Answer>() {
          int calls;

          @Override
          public Answer call() {
            ApiClient api;
            synchronized (this) {
              api = calls++ % 2 == 0 ? apiA : apiB;
            }
            return api.postWithBearer(AlertController.PATH, alert.toString(), ApiClient.ALERT_TOKEN);
          }
        });
        assertThat(alerts).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(alerts).allMatch(answer -> answer.status() == 201 || answer.status() == 200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_group", Integer.class)).isEqualTo(1);

        // Web sessions live in the database: a Tasklist login on A holds on B, for reading and for a
        // write that needs the session's CSRF token; HTTP Basic requests to the API create no session.
        WebappSession tasklist = WebappSession.logIn(nodeA.url(), "emma", "emma");
        String waiting = apiA.post("/api/incidents", report("Tasklist on two nodes")).body().path("number").asText();
        String confirm = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(waiting)
            .taskDefinitionKey(Tasks.CONFIRM_SITUATION).singleResult().getId();
        HttpResponse<String> listed = tasklist.get(urlB, WebappSession.ENGINE_API + "task?processInstanceBusinessKey=" + waiting);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(ApiClient.read(listed.body()).findValuesAsText("id")).containsExactly(confirm);
        assertThat(tasklist.post(urlB, WebappSession.ENGINE_API + "task/" + confirm + "/claim", "{\"userId\":\"emma\"}").statusCode())
            .isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(confirm).singleResult().getAssignee()).isEqualTo("emma");
        Integer sessions = jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class);
        assertThat(sessions).isPositive();
        for (ApiClient api : List.of(apiA, apiB)) {
          Answer read = api.get("/api/incidents/" + waiting);
          assertThat(read.status()).isEqualTo(200);
          assertThat(read.headers().get("Set-Cookie")).isNull();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class)).isEqualTo(sessions);

        // An incident reported on A, worked to the end on B; the job executors of both send its mails.
        String number = apiA.post("/api/incidents", report("Checkout is down")).body().path("number").asText();
        IncidentDriver driver = new IncidentDriver(engine);
        ProcessInstance incident = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).processInstanceBusinessKey(number).singleResult();
        driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", IncidentDriver.situation());
        driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", IncidentDriver.provisionalImpact("SOME"));
        settle(management, incident, nodeA);
        fireNow(management, incident, Tasks.IMPORTANCE_OVERDUE, nodeA);
        driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", IncidentDriver.importance("HIGH"));
        settle(management, incident, nodeA);
        driver.complete(incident, Tasks.JUDGE_URGENCY, "maria", IncidentDriver.urgency("URGENT"));
        settle(management, incident, nodeA);
        fireNow(management, incident, Tasks.STATUS_UPDATE_DUE, nodeA);
        driver.complete(incident, Tasks.FIRST_RESPONSE, "emma", IncidentDriver.firstResponse());
        settle(management, incident, nodeA);
        driver.complete(incident, Tasks.INVESTIGATE, "emma", IncidentDriver.rootCauseFound());
        settle(management, incident, nodeA);
        driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", IncidentDriver.impact("ONE", "Acme Corp"));
        settle(management, incident, nodeA);
        driver.complete(incident, Tasks.CONTACT_CLIENT, "chloe", IncidentDriver.clientContact("Understood"));
        driver.complete(incident, Tasks.PERMANENT_FIX, "emma", IncidentDriver.fix());
        driver.complete(incident, Tasks.REVIEW_FIX, "kenji", IncidentDriver.review("APPROVED"));
        settle(management, incident, nodeA);
        driver.complete(incident, Tasks.WRAP_UP, "emma", IncidentDriver.wrapUp());
        settle(management, incident, nodeA);

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(incident.getId()).singleResult().getEndTime()).isNotNull();
        assertThat(mailsOf(number)).containsExactlyInAnyOrderEntriesOf(Map.of(
            "Report to the manager", 1, "Judgement overdue", 1, "Priority decided", 1, "Status update due", 1,
            "Impact confirmed", 1, "Resolved", 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL", Integer.class)).isZero();

        // The metrics record written as it happened on both nodes equals the one derived from history.
        Map<String, Object> recorded = jdbc.queryForMap("SELECT * FROM metrics_incident WHERE process_instance_id = ?", incident.getId());
        List<Map<String, Object>> steps = jdbc.queryForList("SELECT * FROM metrics_step WHERE process_instance_id = ? ORDER BY activity_instance_id", incident.getId());
        b.getBean(com.incidentflow.metrics.MetricsDerivation.class).rebuild(incident.getId());
        assertThat(jdbc.queryForMap("SELECT * FROM metrics_incident WHERE process_instance_id = ?", incident.getId())).isEqualTo(recorded);
        assertThat(jdbc.queryForList("SELECT * FROM metrics_step WHERE process_instance_id = ? ORDER BY activity_instance_id", incident.getId())).isEqualTo(steps);

        // Node A is killed (kill -9) in the middle of sending a mail; B takes the job once A's lock expires.
        JobExecutor executorB = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        executorB.shutdown();
        gate.close(true);
        String second = apiB.post("/api/incidents", report("Invoices cannot be saved")).body().path("number").asText();
        ProcessInstance secondIncident = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).processInstanceBusinessKey(second).singleResult();
        driver.complete(secondIncident, Tasks.CONFIRM_SITUATION, "emma", IncidentDriver.situation());
        driver.complete(secondIncident, Tasks.PROVISIONAL_IMPACT, "emma", IncidentDriver.provisionalImpact("SOME"));
        awaitTrue(() -> gate.held() > 0, "node A sending the manager's report", nodeA);
        nodeA.kill();
        assertThat(jdbc.queryForList("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ? AND LOCK_OWNER_ IS NOT NULL", String.class,
                NotificationDelivery.PROCESS_KEY))
            .as("the job A was running stays locked by A").hasSize(1).doesNotContain(executorB.getLockOwner());
        executorB.start();
        awaitTrue(() -> Mails.withSubjectContaining(smtp, "[" + second + "]").size() >= 1, "the manager's report sent by node B", null);
        settle(management, secondIncident, null);
        assertThat(mailsOf(second)).containsExactlyEntriesOf(Map.of("Report to the manager", 1));
        assertThat(driver.openTasks(secondIncident, Tasks.JUDGE_IMPORTANCE)).hasSize(1);
      }
    }
  }

  static ApiClient api(String url) {
    return new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri(url)));
  }

  static String report(String title) {
    return "{\"title\":\"" + title + "\",\"reportSource\":\"CLIENT\",\"userAction\":\"Saved an invoice\","
        + "\"occurredAt\":\"2026-11-25T09:12:00+09:00\",\"clientsReported\":\"Acme Corp\"}";
  }

  /** Mails of one incident by kind (the subject after the incident's title), each distinct mail once. */
  static Map<String, Integer> mailsOf(String number) {
    return mailsOf(smtp, number);
  }

  static Map<String, Integer> mailsOf(GreenMailExtension server, String number) {
    Map<String, Integer> kinds = new TreeMap<>();
    for (var mail : Mails.withSubjectContaining(server, "[" + number + "]")) {
      String subject = Mails.subject(mail);
      kinds.merge(subject.substring(subject.lastIndexOf(" — ") + 3), 1, Integer::sum);
    }
    return kinds;
  }

  /** Moves a timer to now, as if its time had come; one of the nodes' job executors fires it. */
  static void fireNow(ManagementService management, ProcessInstance incident, String boundaryEvent, Node a) throws Exception {
    Job timer = management.createJobQuery().processInstanceId(incident.getId()).activityId(boundaryEvent).timers().singleResult();
    assertThat(timer).as(boundaryEvent).isNotNull();
    management.setJobDuedate(timer.getId(), new Date());
    awaitTrue(() -> management.createJobQuery().jobId(timer.getId()).count() == 0, boundaryEvent + " fired", a);
    settle(management, incident, a);
  }

  /** Waits until no job of the incident is due (each was run by one of the nodes), and none failed. */
  static void settle(ManagementService management, ProcessInstance incident, Node a) throws Exception {
    awaitTrue(() -> management.createJobQuery().processInstanceId(incident.getId()).executable().count() == 0, "jobs done", a);
    // Mails go out in deliveries of their own (docs/adr/0004): wait for those too.
    awaitTrue(() -> management.createJobQuery().processDefinitionKey(NotificationDelivery.PROCESS_KEY).executable().count() == 0,
        "deliveries done", a);
    assertThat(management.createJobQuery().processDefinitionKey(NotificationDelivery.PROCESS_KEY).withException().list()).isEmpty();
    assertThat(management.createJobQuery().processInstanceId(incident.getId()).withException().list()).isEmpty();
  }

  static void awaitTrue(BooleanSupplier condition, String what, Node node) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited in vain for " + what + (node != null ? "; node A:\n" + node.tail() : ""));
      }
      Thread.sleep(200);
    }
  }

  static void advisoryLock(Connection connection, String function) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
      statement.setLong(1, ClusterStartupLock.KEY);
      statement.execute();
    }
  }

  static int waitingForStartUpLock(Connection connection) {
    try (Statement statement = connection.createStatement();
        // A waiting node asks again every half second; its session's last statement is that question.
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND pid <> pg_backend_pid() AND query LIKE 'SELECT pg_try_advisory_lock%'")) {
      rs.next();
      return rs.getInt(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
