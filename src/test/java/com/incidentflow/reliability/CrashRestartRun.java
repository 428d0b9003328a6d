package com.incidentflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the app while manager reports are being sent, then a restart on the same database.
 * Prints the figures for the README's reliability section; asserts what must hold: every incident
 * at its step, every mail sent, at most the mails in flight at the kill sent twice.
 *
 * <p>Its name does not match Surefire's test patterns: {@code ./mvnw -B -Pfault-runs test}.
 */
class CrashRestartRun {

  static final int INCIDENTS = 20;
  static final long SMTP_DELAY_MS = 6000;
  static final ObjectMapper JSON = new ObjectMapper();

  final HttpClient http = HttpClient.newHttpClient();
  int port;

  @Test
  void killMidSendAndRestartOnTheSameDatabase() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "fault-runs", "crash-" + System.currentTimeMillis()));
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (SlowSmtpRelay relay = new SlowSmtpRelay(smtp.getSmtp().getPort(), SMTP_DELAY_MS)) {
      port = freePort();
      AppProcess app = AppProcess.start(dir, port, relay.port(), "app-1.log");
      app.awaitReady();

      List<String> numbers = new ArrayList<>();
      for (int i = 0; i < INCIDENTS; i++) {
        numbers.add(reportAndScope("Crash run " + i));
      }
      // Kill once some reports have arrived and others are still on their way through the slow server.
      until(() -> smtp.getReceivedMessages().length >= 3, "the first reports arrive");
      app.kill();
      long killedAt = System.nanoTime();
      int beforeKill = sendsPerIncident(smtp).size();

      AppProcess restarted = AppProcess.start(dir, port, relay.port(), "app-2.log");
      restarted.awaitReady();
      long readyAt = System.nanoTime();
      int atRestart = smtp.getReceivedMessages().length;
      until(() -> smtp.getReceivedMessages().length > atRestart || allSent(smtp, numbers), "a mail after the restart");
      long resumedAt = System.nanoTime();
      until(() -> allSent(smtp, numbers) && openDeliveries() == 0, "every report sent");
      long drainedAt = System.nanoTime();

      Map<String, Integer> sends = sendsPerIncident(smtp);
      int duplicates = sends.values().stream().mapToInt(n -> n - 1).sum();
      int onTimeline = 0;
      for (String number : numbers) {
        assertThat(openTasks(number, Tasks.JUDGE_IMPORTANCE)).as("%s waits for its importance judgement", number).isEqualTo(1);
        onTimeline += mailsOnTimeline(number);
      }
      restarted.stop();

      System.out.printf("%n=== kill -9 mid-send, restart on the same database (%d manager reports, SMTP answering after %d ms) ===%n",
          INCIDENTS, SMTP_DELAY_MS);
      System.out.printf("reports received before the kill:     %d of %d (the rest queued or in flight)%n", beforeKill, INCIDENTS);
      System.out.printf("restart to ready:                     %.1f s%n", seconds(killedAt, readyAt));
      System.out.printf("ready to the first mail after restart: %.1f s (kill to first mail: %.1f s)%n",
          seconds(readyAt, resumedAt), seconds(killedAt, resumedAt));
      System.out.printf("kill to every mail sent:              %.1f s%n", seconds(killedAt, drainedAt));
      System.out.printf("incidents at Judge importance:        %d of %d%n", numbers.size(), INCIDENTS);
      System.out.printf("manager reports sent:                 %d incidents, %d sends, %d sent twice%n",
          sends.size(), sends.values().stream().mapToInt(Integer::intValue).sum(), duplicates);
      System.out.printf("mails on the incidents' timelines:    %d%n", onTimeline);
      System.out.printf("logs: %s%n", dir.toAbsolutePath());

      assertThat(sends).as("every incident's report sent").hasSize(INCIDENTS);
      assertThat(duplicates).as("only mails in flight at the kill are sent twice").isLessThanOrEqualTo(INCIDENTS - beforeKill);
      assertThat(onTimeline).as("one timeline entry per report").isEqualTo(INCIDENTS);
    } finally {
      smtp.stop();
    }
  }

  private String reportAndScope(String title) throws Exception {
    ObjectNode report = JSON.valueToTree(IncidentDriver.report(title));
    String number = send("POST", "/api/incidents", "emma", report).path("number").asText();
    complete(number, Tasks.CONFIRM_SITUATION, IncidentDriver.situation());
    complete(number, Tasks.PROVISIONAL_IMPACT, IncidentDriver.provisionalImpact("SOME"));
    return number;
  }

  private void complete(String number, String taskKey, Map<String, Object> values) throws Exception {
    JsonNode tasks = send("GET", "/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey, "emma", null);
    String id = tasks.get(0).path("id").asText();
    send("POST", "/engine-rest/task/" + id + "/claim", "emma", JSON.createObjectNode().put("userId", "emma"));
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> variables.putObject(name).put("value", String.valueOf(value)));
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    send("POST", "/engine-rest/task/" + id + "/complete", "emma", body);
  }

  private long openTasks(String number, String taskKey) throws Exception {
    return send("GET", "/engine-rest/task/count?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey, "admin", null)
        .path("count").asLong();
  }

  private long openDeliveries() throws Exception {
    return send("GET", "/engine-rest/process-instance/count?processDefinitionKey=notification-delivery", "admin", null).path("count").asLong();
  }

  private int mailsOnTimeline(String number) throws Exception {
    int mails = 0;
    for (JsonNode entry : send("GET", "/api/incidents/" + number + "/timeline", "maria", null).path("entries")) {
      if ("NOTIFICATION".equals(entry.path("kind").asText())) {
        mails++;
      }
    }
    return mails;
  }

  private JsonNode send(String method, String path, String user, JsonNode body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  /** Sends per incident: GreenMail keeps one copy per recipient, so copies / recipients. */
  private static Map<String, Integer> sendsPerIncident(GreenMail smtp) throws Exception {
    Map<String, Integer> copies = new TreeMap<>();
    Map<String, Integer> recipients = new TreeMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String subject = message.getSubject();
      if (subject.contains("Crash run")) {
        copies.merge(subject, 1, Integer::sum);
        recipients.put(subject, message.getAllRecipients().length);
      }
    }
    Map<String, Integer> sends = new TreeMap<>();
    copies.forEach((subject, n) -> sends.put(subject, n / recipients.get(subject)));
    return sends;
  }

  private static boolean allSent(GreenMail smtp, List<String> numbers) throws Exception {
    return sendsPerIncident(smtp).size() >= numbers.size();
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  /** Polls (this is a run that measures, not a test that times); gives up after 10 minutes. */
  private static void until(Condition condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Gave up waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
