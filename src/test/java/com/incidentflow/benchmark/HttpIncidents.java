package com.incidentflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Works incidents over HTTP as the demo users do: emma reports through our API; each step is found,
 * claimed and completed with its form's values through /engine-rest by a user of the step's group,
 * as Tasklist claims and submits a form. Requests go to the nodes in turn (a load balancer without
 * stickiness: the API authenticates every request). Every answer is recorded: its latency when 2xx,
 * its status and step otherwise; a refused claim or completion is tried again as a person would
 * press the button again, so the incident still reaches its end.
 */
final class HttpIncidents {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ETA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
  private static final int TRIES = 10;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final List<String> nodes;
  private final AtomicInteger turn = new AtomicInteger();
  private final AtomicLong etaMinutes = new AtomicLong();
  final Latencies latencies;
  /** Incident number → when the step before the manager report answered (System.nanoTime). */
  final Map<String, Long> reportStepDone = new java.util.concurrent.ConcurrentHashMap<>();

  HttpIncidents(List<String> nodes, Latencies latencies) {
    this.nodes = nodes;
    this.latencies = latencies;
  }

  /** One whole incident along {@code path}; {@code duplicateOf} names an earlier one (DUPLICATE only). */
  String work(Paths path, String title, boolean withEtas, String duplicateOf) throws Exception {
    String number = report(title);
    complete(number, Tasks.CONFIRM_SITUATION, "emma", IncidentDriver.situation());
    complete(number, Tasks.PROVISIONAL_IMPACT, "emma", IncidentDriver.provisionalImpact("ONE"));
    reportStepDone.put(number, System.nanoTime());
    if (path == Paths.DUPLICATE) {
      Map<String, Object> handled = IncidentDriver.importance("ALREADY_HANDLED");
      handled.put(Variables.DUPLICATE_OF, duplicateOf);
      complete(number, Tasks.JUDGE_IMPORTANCE, "maria", handled);
      return number;
    }
    complete(number, Tasks.JUDGE_IMPORTANCE, "maria", IncidentDriver.importance("MEDIUM"));
    complete(number, Tasks.JUDGE_URGENCY, "maria", IncidentDriver.urgency(path == Paths.URGENT ? "URGENT" : "NOT_URGENT"));
    if (path == Paths.URGENT) {
      complete(number, Tasks.FIRST_RESPONSE, "emma", eta(IncidentDriver.firstResponse(), withEtas));
    }
    if (path == Paths.HELP) {
      complete(number, Tasks.INVESTIGATE, "kenji", eta(IncidentDriver.helpNeeded("backend"), withEtas));
      complete(number, Tasks.SPECIALIST_HELP, "ben", IncidentDriver.values(Variables.SPECIALIST_FINDINGS, "app-2's disk was full; cleaned"));
    }
    complete(number, Tasks.INVESTIGATE, "kenji", eta(IncidentDriver.rootCauseFound(), withEtas));
    if (path == Paths.CLIENTS) {
      complete(number, Tasks.CONFIRM_IMPACT, "emma", IncidentDriver.impact("SOME", "Acme Corp\nGlobex"));
      for (int client = 0; client < 2; client++) {
        complete(number, Tasks.CONTACT_CLIENT, "chloe", IncidentDriver.clientContact("Accepted the workaround"));
      }
    } else {
      complete(number, Tasks.CONFIRM_IMPACT, "emma", IncidentDriver.impact("NONE", null));
    }
    complete(number, Tasks.PERMANENT_FIX, "emma", eta(IncidentDriver.fix(), withEtas));
    if (path == Paths.REJECTED) {
      complete(number, Tasks.REVIEW_FIX, "kenji", IncidentDriver.review("REJECTED"));
      complete(number, Tasks.PERMANENT_FIX, "emma", eta(IncidentDriver.fix(), withEtas));
    }
    complete(number, Tasks.REVIEW_FIX, "kenji", IncidentDriver.review("APPROVED"));
    complete(number, Tasks.WRAP_UP, "emma", IncidentDriver.wrapUp());
    return number;
  }

  /** Reports an incident through POST /api/incidents; its number. */
  String report(String title) throws Exception {
    ObjectNode body = JSON.valueToTree(IncidentDriver.report(title));
    for (int attempt = 1; ; attempt++) {
      Answer answer = send("report", "POST", "/api/incidents", "emma", body.toString(), null);
      if (answer.ok()) {
        return JSON.readTree(answer.body).path("number").asText();
      }
      if (attempt == TRIES) {
        throw new IllegalStateException("reporting failed " + TRIES + " times: " + answer.status + " " + answer.body);
      }
    }
  }

  /** Finds the step's open task (the first when there are several), claims it and submits its form. */
  void complete(String number, String taskKey, String user, Map<String, Object> values) throws Exception {
    String step = taskKey.replace("UserTask_", "");
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> {
      ObjectNode typed = variables.putObject(name);
      if (value instanceof Boolean flag) {
        typed.put("value", flag).put("type", "Boolean");
      } else {
        typed.put("value", String.valueOf(value)).put("type", "String");
      }
    });
    ObjectNode form = JSON.createObjectNode();
    form.set("variables", variables);
    for (int attempt = 1; attempt <= TRIES; attempt++) {
      String id = awaitTask(number, taskKey, user);
      Answer claim = send("claim", "POST", "/engine-rest/task/" + id + "/claim", user,
          JSON.createObjectNode().put("userId", user).toString(), step);
      if (!claim.ok()) {
        continue;
      }
      Answer submit = send(step, "POST", "/engine-rest/task/" + id + "/submit-form", user, form.toString(), step);
      if (submit.ok()) {
        return;
      }
    }
    throw new IllegalStateException(number + ": " + step + " refused " + TRIES + " times");
  }

  private String awaitTask(String number, String taskKey, String user) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      Answer tasks = send("task query", "GET", "/engine-rest/task?processInstanceBusinessKey=" + number
          + "&taskDefinitionKey=" + taskKey + "&sortBy=created&sortOrder=asc", user, null, taskKey.replace("UserTask_", ""));
      if (tasks.ok()) {
        JsonNode list = JSON.readTree(tasks.body);
        if (!list.isEmpty()) {
          return list.get(0).path("id").asText();
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(number + ": no " + taskKey + " for " + user + " within 5 minutes");
  }

  /** Open notification deliveries (mails queued or being sent), as the admin sees them. */
  long openDeliveries() throws Exception {
    Answer count = send(null, "GET", "/engine-rest/process-instance/count?processDefinitionKey=notification-delivery", "admin", null, null);
    return JSON.readTree(count.body).path("count").asLong();
  }

  /** Each step that carries the ETA moves it (a new value each time), so CS are told every time. */
  private Map<String, Object> eta(Map<String, Object> values, boolean withEtas) {
    if (withEtas) {
      values.put(Variables.ETA, OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(1).truncatedTo(ChronoUnit.MINUTES)
          .plusMinutes(etaMinutes.incrementAndGet()).format(ETA));
    }
    return values;
  }

  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * One request to the next node. {@code what} names the latency (null: not recorded); a non-2xx
   * answer is counted under {@code what} and, when given, the step it was for.
   */
  Answer send(String what, String method, String path, String user, String body, String step) throws Exception {
    String node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    long t = System.nanoTime();
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - t) / 1e6;
    Answer answer = new Answer(response.statusCode(), response.body());
    if (what != null) {
      if (answer.ok()) {
        latencies.record(what, ms);
      } else {
        latencies.refused(step == null || step.equals(what) ? what : what + " (" + step + ")", answer.status, answer.body);
      }
    }
    if (what == null && !answer.ok()) {
      throw new IllegalStateException(method + " " + path + " answered " + answer.status + ": " + answer.body);
    }
    return answer;
  }
}
