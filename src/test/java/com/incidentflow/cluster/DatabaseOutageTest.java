package com.incidentflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowApplication;
import com.incidentflow.Mails;
import com.incidentflow.database.TestDatabase;
import com.incidentflow.intake.ApiClient;
import com.incidentflow.intake.ApiClient.Answer;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database unreachable for 30 s while the app runs, with an incident in flight (its mail to the
 * managers queued): every connection to PostgreSQL is dropped and new ones refused ({@link
 * DatabaseGate}). Prints the README's figure (Reliability): answers by status while it is away, time
 * until the first report is accepted after it is back, incidents and mails lost.
 */
@Tag("cluster") // needs a PostgreSQL server to cut the app off from: runs in -Ppostgres,cluster (pom.xml)
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final String AWAY_TITLE = "Reported while the database is away";

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Test
  void shouldAnswer503WhileTheDatabaseIsAwayAndCarryOnWithoutARestartWhenItIsBack(CapturedOutput output) throws Exception {
    try (TestDatabase database = TestDatabase.create("outage");
        DatabaseGate gate = DatabaseGate.in(database.url)) {
      assertThat(database.url).as("a PostgreSQL database (./mvnw verify -Ppostgres,cluster)").startsWith("jdbc:postgresql:");
      List<String> arguments = new ArrayList<>(List.of(
          "--spring.datasource.url=" + gate.url(database.url),
          "--spring.datasource.username=" + database.user,
          "--spring.datasource.password=" + database.password,
          "--server.port=0"));
      arguments.addAll(TwoNodesTest.CLUSTER);
      try (ConfigurableApplicationContext app =
          new SpringApplicationBuilder(IncidentFlowApplication.class).profiles("test").run(arguments.toArray(String[]::new))) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        ManagementService management = engine.getManagementService();
        String url = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
        ApiClient api = TwoNodesTest.api(url);
        IncidentDriver driver = new IncidentDriver(engine);

        // In flight: reported, its first two steps done, the mail to the managers just queued.
        String number = api.post("/api/incidents", TwoNodesTest.report("Checkout is down")).body().path("number").asText();
        ProcessInstance incident = engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(IncidentProcess.PROCESS_KEY).processInstanceBusinessKey(number).singleResult();
        WebappSession tasklist = WebappSession.logIn(url, "emma", "emma");
        driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", IncidentDriver.situation());
        driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", IncidentDriver.provisionalImpact("SOME"));
        assertThat(tasklist.get(url, WebappSession.ENGINE_API + "task").statusCode()).isEqualTo(200);

        // Away for 30 s: four kinds of request, each over and over.
        int outputBefore = output.getOut().length();
        gate.cut();
        long cutAt = System.nanoTime();
        Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
        AtomicLong slowestMillis = new AtomicLong();
        List<Request> requests = List.of(
            () -> answer(api.post("/api/incidents", TwoNodesTest.report(AWAY_TITLE))),
            () -> answer(api.get("/api/incidents/" + number)),
            () -> basic(url + "/engine-rest/task?processInstanceId=" + incident.getId()),
            () -> tasklist.get(url, WebappSession.ENGINE_API + "task?processInstanceId=" + incident.getId()));
        List<String> names = List.of("POST /api/incidents", "GET /api/incidents/{number}", "GET /engine-rest/task",
            "GET Tasklist's engine API task");
        List<HttpResponse<String>> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
          Request request = requests.get(i);
          String name = names.get(i);
          running.add(clients.submit(() -> {
            while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
              long start = System.nanoTime();
              HttpResponse<String> response = request.send();
              slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
              statuses.computeIfAbsent(name, n -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
              refusals.add(response);
              Thread.sleep(500);
            }
            return null;
          }));
        }
        for (Future<?> client : running) {
          client.get();
        }
        clients.shutdown();
        String whileAway = output.getOut().substring(outputBefore);

        gate.open();
        long openedAt = System.nanoTime();
        Answer back;
        int refusedAfter = 0;
        while ((back = api.post("/api/incidents", TwoNodesTest.report("Reported once the database is back"))).status() == 503) {
          refusedAfter++;
          assertThat(Duration.ofNanos(System.nanoTime() - openedAt)).as("the database is back, yet reports are refused").isLessThan(TwoNodesTest.PATIENCE);
          Thread.sleep(200);
        }
        double reportAcceptedAfter = (System.nanoTime() - openedAt) / 1e9;
        assertThat(back.status()).isEqualTo(201);
        assertThat(tasklist.get(url, WebappSession.ENGINE_API + "task").statusCode()).as("the Tasklist session still works").isEqualTo(200);

        // The incident in flight goes on: its queued mail is sent, and a whole path after it.
        TwoNodesTest.settle(management, incident, null);
        double inFlightDoneAfter = (System.nanoTime() - openedAt) / 1e9;
        driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", IncidentDriver.importance("HIGH"));
        TwoNodesTest.settle(management, incident, null);
        driver.complete(incident, Tasks.JUDGE_URGENCY, "maria", IncidentDriver.urgency("NOT_URGENT"));
        TwoNodesTest.settle(management, incident, null);
        driver.complete(incident, Tasks.INVESTIGATE, "emma", IncidentDriver.rootCauseFound());
        driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", IncidentDriver.impact("ONE", "Acme Corp"));
        TwoNodesTest.settle(management, incident, null);
        driver.complete(incident, Tasks.CONTACT_CLIENT, "chloe", IncidentDriver.clientContact("Understood"));
        driver.complete(incident, Tasks.PERMANENT_FIX, "emma", IncidentDriver.fix());
        driver.complete(incident, Tasks.REVIEW_FIX, "kenji", IncidentDriver.review("APPROVED"));
        TwoNodesTest.settle(management, incident, null);
        driver.complete(incident, Tasks.WRAP_UP, "emma", IncidentDriver.wrapUp());
        TwoNodesTest.settle(management, incident, null);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(incident.getId()).singleResult().getEndTime()).isNotNull();
        Map<String, Integer> mails = TwoNodesTest.mailsOf(smtp, number);

        // Nothing half-written: of the reports refused while it was away, no trace.
        int incidents;
        int awayIncidents;
        try (Connection direct = database.connect(); Statement sql = direct.createStatement()) {
          incidents = count(sql, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = '" + IncidentProcess.PROCESS_KEY + "'");
          awayIncidents = count(sql, "SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ = '" + AWAY_TITLE + "'");
        }

        System.out.printf("%nDatabase unreachable for %.1f s while the app runs (PostgreSQL; connections dropped, new ones refused):%n",
            (openedAt - cutAt) / 1e9);
        statuses.forEach((name, byStatus) -> System.out.printf("  %-34s %s%n", name, byStatus));
        System.out.printf("  slowest answer while away: %.1f s (Hikari connection-timeout 5 s)%n", slowestMillis.get() / 1000.0);
        System.out.printf("  after it was back: first report accepted after %.1f s (%d more 503s), the incident in flight's jobs done after %.1f s%n",
            reportAcceptedAfter, refusedAfter, inFlightDoneAfter);
        System.out.printf("  incidents lost: 0 of 2 accepted (%d in the database), half-written reports: %d, mails of the incident in flight: %s%n",
            incidents, awayIncidents, mails);
        System.out.printf("  log lines while away: %d (other than the mail server's)%n%n",
            whileAway.lines().filter(line -> !line.contains("greenmail")).count());

        assertThat(statuses).containsOnlyKeys(names);
        statuses.values().forEach(byStatus -> assertThat(byStatus).containsOnlyKeys(503));
        for (HttpResponse<String> refusal : refusals) {
          assertThat(refusal.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
          assertThat(refusal.headers().firstValue("Retry-After")).isPresent();
          assertThat(ApiClient.read(refusal.body()).path("detail").asText()).contains("database is not reachable");
        }
        assertThat(incidents).isEqualTo(2);
        assertThat(awayIncidents).isZero();
        assertThat(mails).containsExactlyInAnyOrderEntriesOf(Map.of(
            "Report to the manager", 1, "Priority decided", 1, "Impact confirmed", 1, "Resolved", 1));
        // One line when it went away, none per request, no stack trace; one when it was back.
        String named = Pattern.quote("Database " + gate.url(database.url).replaceFirst("[?;].*$", ""));
        assertThat(occurrences(output.getOut(), named + " not reachable: ")).isEqualTo(1);
        assertThat(whileAway).doesNotContain("\tat ");
        assertThat(occurrences(output.getOut(), named + " reachable again after ")).isEqualTo(1);
      }
    }
  }

  interface Request {
    HttpResponse<String> send() throws Exception;
  }

  /** An answer of the intake API's client, as the other requests' responses are. */
  static HttpResponse<String> answer(Answer answer) {
    return new Recorded(answer.status(), answer.headers().toSingleValueMap(), answer.body().toString());
  }

  static HttpResponse<String> basic(String url) throws Exception {
    String login = Base64.getEncoder().encodeToString("emma:emma".getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + login).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static int count(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static int occurrences(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  /** Just what the assertions read of a response. */
  record Recorded(int statusCode, Map<String, String> headerValues, String body) implements HttpResponse<String> {
    @Override
    public HttpRequest request() {
      return null;
    }

    @Override
    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headerValues.forEach((name, value) -> all.put(name, List.of(value)));
      return java.net.http.HttpHeaders.of(all, (name, value) -> true);
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return java.util.Optional.empty();
    }

    @Override
    public URI uri() {
      return null;
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
