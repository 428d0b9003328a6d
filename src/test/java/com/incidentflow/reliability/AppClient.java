package com.incidentflow.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentflow.notification.NotificationDelivery;
import com.incidentflow.process.IncidentDriver;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the runs do to the app over HTTP, as its users would: report over /api, claim and complete
 * over /engine-rest, read counts as the admin. Demo users log in with their name as password.
 */
final class AppClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  AppClient(int port) {
    this.port = port;
  }

  /** Reports an incident as emma; answers its number. */
  String report(String title) throws Exception {
    ObjectNode report = JSON.valueToTree(IncidentDriver.report(title));
    return send("POST", "/api/incidents", "emma", report).path("number").asText();
  }

  /** Claims and completes the incident's open step taskKey as user. */
  void complete(String number, String taskKey, String user, Map<String, Object> values) throws Exception {
    JsonNode tasks = send("GET", "/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey, user, null);
    if (tasks.size() != 1) {
      throw new IllegalStateException(number + " has " + tasks.size() + " open " + taskKey + " steps");
    }
    String id = tasks.get(0).path("id").asText();
    send("POST", "/engine-rest/task/" + id + "/claim", user, JSON.createObjectNode().put("userId", user));
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> variables.putObject(name).put("value", String.valueOf(value)));
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    send("POST", "/engine-rest/task/" + id + "/complete", user, body);
  }

  long openTasks(String number, String taskKey) throws Exception {
    return count("/engine-rest/task/count?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey);
  }

  /** The task definition keys of the incident's open steps. */
  List<String> openSteps(String number) throws Exception {
    List<String> keys = new ArrayList<>();
    for (JsonNode task : send("GET", "/engine-rest/task?processInstanceBusinessKey=" + number, "admin", null)) {
      keys.add(task.path("taskDefinitionKey").asText());
    }
    return keys;
  }

  /** Notification deliveries still under way (not yet sent). */
  long openDeliveries() throws Exception {
    return count("/engine-rest/process-instance/count?processDefinitionKey=" + NotificationDelivery.PROCESS_KEY);
  }

  /** Every notification delivery ever queued, sent or not. */
  long deliveriesQueued() throws Exception {
    return count("/engine-rest/history/process-instance/count?processDefinitionKey=" + NotificationDelivery.PROCESS_KEY);
  }

  String instanceId(String number) throws Exception {
    return send("GET", "/engine-rest/process-instance?businessKey=" + number + "&processDefinitionKey=incident-response", "admin", null)
        .get(0).path("id").asText();
  }

  /** The incident's timer jobs (escalations, reminders): id, activity, due date. */
  JsonNode timers(String instanceId) throws Exception {
    return send("GET", "/engine-rest/job?timers=true&processInstanceId=" + instanceId, "admin", null);
  }

  /** When the incident passed the activity, in epoch milliseconds (history), latest first. */
  List<Long> passedAt(String instanceId, String activityId) throws Exception {
    List<Long> times = new ArrayList<>();
    for (JsonNode activity : send("GET", "/engine-rest/history/activity-instance?sortBy=startTime&sortOrder=desc&processInstanceId="
        + instanceId + "&activityId=" + activityId, "admin", null)) {
      times.add(java.time.OffsetDateTime.parse(activity.path("startTime").asText(), REST_DATE).toInstant().toEpochMilli());
    }
    return times;
  }

  /** The engine REST API's date format. */
  static final java.time.format.DateTimeFormatter REST_DATE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /** How often the incident passed the activity (history). */
  long passed(String instanceId, String activityId) throws Exception {
    return count("/engine-rest/history/activity-instance/count?processInstanceId=" + instanceId + "&activityId=" + activityId);
  }

  /** What an operator does in Cockpit to fire a timer earlier. */
  void setDueDate(String jobId, String isoDate) throws Exception {
    send("PUT", "/engine-rest/job/" + jobId + "/duedate", "admin", JSON.createObjectNode().put("duedate", isoDate));
  }

  int mailsOnTimeline(String number) throws Exception {
    int mails = 0;
    for (JsonNode entry : send("GET", "/api/incidents/" + number + "/timeline", "maria", null).path("entries")) {
      if ("NOTIFICATION".equals(entry.path("kind").asText())) {
        mails++;
      }
    }
    return mails;
  }

  private long count(String path) throws Exception {
    return send("GET", path, "admin", null).path("count").asLong();
  }

  JsonNode send(String method, String path, String user, JsonNode body) throws Exception {
    HttpResponse<String> response = exchange(method, path, user, body);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  HttpResponse<String> exchange(String method, String path, String user, JsonNode body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  /** Polls (the runs measure, they do not time assertions); gives up after limit. */
  static void until(Condition condition, String what, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Gave up waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }
}
