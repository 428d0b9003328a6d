package com.incidentflow.timeline;

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
import static com.incidentflow.process.IncidentDriver.urgency;
import static com.incidentflow.process.IncidentDriver.values;
import static com.incidentflow.process.IncidentDriver.wrapUp;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.timeline.TimelineEntry.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The evidence trail (証跡), TODO and ETA, and the incident report built from them. */
@IncidentFlowTest
class EvidenceTrailTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden/incident-report.md");

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired TimelineService timelines;
  @Autowired IncidentReportService reports;
  @Autowired EvidenceService evidence;
  @Autowired TestRestTemplate http;

  IncidentDriver driver;
  Instant clock;

  @BeforeEach
  void setUp() {
    driver = new IncidentDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldTellTheWholeIncidentInOrderAndProduceTheReviewedReport() throws IOException {
    clock = Instant.parse("2041-03-04T00:00:00Z"); // a year of its own: the incident is INC-2041-0001
    tick(0);
    ProcessInstance incident = driver.report("chloe", IncidentDriver.report("Invoices cannot be saved"));
    tick(1);
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    tick(1);
    addEvidence(incident, EvidenceKind.PREMISE, "Only invoices with a discount line fail", "emma");
    tick(1);
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    runJobs(incident);
    tick(1);
    driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance("HIGH"));
    tick(1);
    driver.complete(incident, Tasks.JUDGE_URGENCY, "maria", urgency("URGENT"));
    runJobs(incident);
    tick(1);
    Map<String, Object> response = firstResponse();
    response.put(Variables.NEXT_ACTIONS, "Find the root cause in the rounding code");
    response.put(Variables.ETA, "2041-03-04T18:00+09:00");
    driver.complete(incident, Tasks.FIRST_RESPONSE, "emma", response);
    runJobs(incident);
    tick(1);
    driver.complete(incident, Tasks.INVESTIGATE, "emma", helpNeeded("infra"));
    runJobs(incident);
    tick(1);
    driver.complete(incident, Tasks.SPECIALIST_HELP, "ivan", values(Variables.SPECIALIST_FINDINGS, "app-2 runs an old build"));
    tick(1);
    addEvidence(incident, EvidenceKind.TRIED, "Saved the same invoice on app-1: it works", "emma");
    tick(1);
    Map<String, Object> found = rootCauseFound();
    found.put(Variables.REPRODUCTION_CHECKS, org.camunda.spin.Spin.JSON("[\"SAME_DATA\",\"INFRASTRUCTURE\"]"));
    driver.complete(incident, Tasks.INVESTIGATE, "emma", found);
    tick(1);
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("SOME", "Acme Corp\nGlobex"));
    runJobs(incident);
    tick(1);
    for (Task contact : driver.openTasks(incident, Tasks.CONTACT_CLIENT)) {
      String client = (String) taskService.getVariable(contact.getId(), Variables.CLIENT);
      driver.complete(contact, "chloe", clientContact(client + " accepted the apology"));
      tick(1);
    }
    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", fix());
    tick(1);
    driver.complete(incident, Tasks.REVIEW_FIX, "kenji", review("REJECTED"));
    tick(1);
    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", fix());
    tick(1);
    driver.complete(incident, Tasks.REVIEW_FIX, "kenji", review("APPROVED"));
    runJobs(incident);
    tick(1);
    driver.complete(incident, Tasks.WRAP_UP, "emma", wrapUp());

    Timeline timeline = timelines.of(incident.getBusinessKey()).orElseThrow();
    assertThat(incident.getBusinessKey()).isEqualTo("INC-2041-0001");
    assertThat(timeline.open()).isFalse();
    assertThat(timeline.entries()).extracting(TimelineEntry::at).isSorted();
    assertThat(timeline.entries().stream().filter(e -> e.kind() == Kind.STEP).map(TimelineEntry::step).toList())
        .containsExactly(
            Tasks.CONFIRM_SITUATION, Tasks.PROVISIONAL_IMPACT, Tasks.JUDGE_IMPORTANCE, Tasks.JUDGE_URGENCY,
            Tasks.FIRST_RESPONSE, Tasks.INVESTIGATE, Tasks.SPECIALIST_HELP, Tasks.INVESTIGATE, Tasks.CONFIRM_IMPACT,
            Tasks.CONTACT_CLIENT, Tasks.CONTACT_CLIENT, Tasks.PERMANENT_FIX, Tasks.REVIEW_FIX, Tasks.PERMANENT_FIX,
            Tasks.REVIEW_FIX, Tasks.WRAP_UP);
    assertThat(timeline.entries().get(0).kind()).isEqualTo(Kind.REPORTED);
    assertThat(timeline.entries().get(timeline.entries().size() - 1).kind()).isEqualTo(Kind.CLOSED);
    assertThat(timeline.entries()).filteredOn(e -> e.kind() == Kind.EVIDENCE).hasSize(2);
    assertThat(timeline.entries()).filteredOn(e -> e.kind() == Kind.NOTIFICATION).extracting(TimelineEntry::text)
        .anyMatch(t -> t.startsWith("[INC-2041-0001] Invoices cannot be saved — Report to the manager → "));

    String markdown = reports.markdown(incident.getBusinessKey()).orElseThrow();
    Path actual = Path.of("target/actual-incident-report.md");
    Files.writeString(actual, markdown, StandardCharsets.UTF_8);
    assertThat(markdown).as("report differs from the reviewed %s; see %s", GOLDEN, actual)
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void shouldEscapeEvidenceInTheReports() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Widget <b>broken</b>"));
    addEvidence(incident, EvidenceKind.THOUGHT, "<img src=x onerror=alert(1)> maybe & probably", "emma");

    String html = reports.html(incident.getBusinessKey()).orElseThrow();
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt; maybe &amp; probably").doesNotContain("<img").doesNotContain("<b>broken");
    assertThat(reports.markdown(incident.getBusinessKey()).orElseThrow()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
  }

  @Test
  void shouldTakeAMovedDueDateAsTheNewEtaRecordItAndTellCs() {
    ProcessInstance incident = driver.reportAndJudge("Exports broken", "SOME", "MEDIUM", "NOT_URGENT");
    Task investigation = driver.task(incident, Tasks.INVESTIGATE);
    assertThat(investigation.getDueDate()).isNull();

    driver.logIn("emma");
    try {
      taskService.claim(investigation.getId(), "emma");
      taskService.setDueDate(investigation.getId(), Date.from(Instant.parse("2041-05-01T09:00:00Z")));
    } finally {
      driver.logOut();
    }
    driver.runJobs(incident);

    assertThat(driver.variable(incident, Variables.ETA)).isEqualTo("2041-05-01T18:00+09:00");
    assertThat(Mails.withSubjectContaining(smtp, "ETA changed")).hasSize(1);
    assertThat(Mails.recipients(Mails.withSubjectContaining(smtp, "ETA changed").get(0))).containsExactly("chloe@example.com");
    // People read the ETA in the team's zone and words; the variable and the API keep ISO-8601.
    assertThat(Mails.body(Mails.withSubjectContaining(smtp, "ETA changed").get(0))).contains("1 May 2041 18:00 JST").doesNotContain("2041-05-01T18:00");
    assertThat(timelines.of(incident.getBusinessKey()).orElseThrow().entries())
        .filteredOn(e -> e.kind() == Kind.ETA).extracting(e -> e.fields().get(0).value()).containsExactly("1 May 2041 18:00 JST");

    driver.complete(investigation, "emma", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("NONE", null));
    driver.runJobs(incident);
    assertThat(driver.task(incident, Tasks.PERMANENT_FIX).getDueDate()).isEqualTo(Date.from(Instant.parse("2041-05-01T09:00:00Z")));
  }

  @Test
  void shouldLetCsReadTheTrailButAddOnlyWhileHoldingTheirStep() {
    ProcessInstance incident = driver.reportAndJudge("Reports empty", "SOME", "MEDIUM", "NOT_URGENT");
    String number = incident.getBusinessKey();
    String url = "/api/incidents/" + number + "/evidence";
    Map<String, String> tried = Map.of("kind", "TRIED", "text", "Asked the client for a screenshot");

    ResponseEntity<Map> timeline = http.withBasicAuth("chloe", "chloe").getForEntity("/api/incidents/{n}/timeline", Map.class, number);
    assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<?>) timeline.getBody().get("entries")).isNotEmpty();
    // The API keeps ISO-8601 with the offset; only the words people read are localised.
    assertThat((String) ((Map<?, ?>) ((List<?>) timeline.getBody().get("entries")).get(0)).get("at"))
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\+09:00");
    assertThat(http.withBasicAuth("chloe", "chloe").getForEntity("/api/incidents/{n}/report.md", String.class, number).getBody()).contains("# " + number);
    assertThat(http.withBasicAuth("ivan", "ivan").getForEntity("/api/incidents/{n}/timeline", String.class, number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<Map> refused = http.withBasicAuth("chloe", "chloe").postForEntity(url, tried, Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) refused.getBody().get("detail")).contains("only while holding one of its open steps");
    assertThat(http.withBasicAuth("emma", "emma").postForEntity(url, tried, String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    driver.complete(incident, Tasks.INVESTIGATE, "emma", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("ONE", "Acme Corp"));
    driver.runJobs(incident);
    Task contact = driver.task(incident, Tasks.CONTACT_CLIENT);
    taskService.claim(contact.getId(), "chloe");
    assertThat(http.withBasicAuth("chloe", "chloe").postForEntity(url, Map.of("kind", "INVESTIGATED", "text", "Acme saw it at 9:05"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    List<TimelineEntry> entries = timelines.of(number).orElseThrow().entries();
    assertThat(entries).filteredOn(e -> e.kind() == Kind.EVIDENCE)
        .extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("emma", null, "Asked the client for a screenshot"),
            org.assertj.core.groups.Tuple.tuple("chloe", Tasks.CONTACT_CLIENT, "Acme saw it at 9:05"));
  }

  @Test
  void shouldRefuseBadEvidenceClearlyAndChangeNothing() {
    ProcessInstance incident = driver.report("emma", IncidentDriver.report("Slow"));
    String url = "/api/incidents/" + incident.getBusinessKey() + "/evidence";
    TestRestTemplate emma = http.withBasicAuth("emma", "emma");

    ResponseEntity<Map> unknownKind = emma.postForEntity(url, Map.of("kind", "GUESSED", "text", "x"), Map.class);
    ResponseEntity<Map> empty = emma.postForEntity(url, Map.of("kind", "TRIED", "text", " "), Map.class);
    ResponseEntity<Map> tooLong = emma.postForEntity(url, Map.of("kind", "TRIED", "text", "x".repeat(4001)), Map.class);
    ResponseEntity<Map> unknownIncident = emma.postForEntity("/api/incidents/INC-1999-0001/evidence", Map.of("kind", "TRIED", "text", "x"), Map.class);

    assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownKind.getBody().get("errors")).asList().extracting("field").containsExactly("kind");
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().get("errors")).asList().extracting("field").containsExactly("text");
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().get("errors")).asList().extracting("field").containsExactly("text");
    assertThat(unknownIncident.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknownIncident.getBody()).containsEntry("title", "Incident not found");
    assertThat(taskService.getProcessInstanceComments(incident.getId())).isEmpty();
  }

  /** As the API does it: the user is logged in, so the engine records them as the author. */
  private void addEvidence(ProcessInstance incident, EvidenceKind kind, String text, String user) {
    driver.logIn(user);
    try {
      evidence.add(incident.getBusinessKey(), kind, text, user, List.of("engineers"));
    } finally {
      driver.logOut();
    }
  }

  private void runJobs(ProcessInstance incident) {
    tick(0);
    driver.runJobs(incident);
  }

  private void tick(int minutes) {
    clock = clock == null ? null : clock.plusSeconds(60L * minutes);
    if (clock != null) {
      ClockUtil.setCurrentTime(Date.from(clock));
    }
  }
}
