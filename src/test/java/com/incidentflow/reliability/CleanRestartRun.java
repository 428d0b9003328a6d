package com.incidentflow.reliability;

import static com.incidentflow.reliability.AppClient.seconds;
import static com.incidentflow.reliability.AppClient.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A clean stop (SIGTERM) of the app while incidents are at different steps, some with mails being
 * sent or queued and some with timers pending, then a start on the same database. Prints the figures
 * for the README's reliability section; asserts what must hold: every incident at the step it was
 * at, every mail sent exactly once, the timers kept and those due while the app was down fired once.
 *
 * <p>{@code ./mvnw -B -Pfault-runs test -Dtest=CleanRestartRun}
 */
class CleanRestartRun {

  static final String MARKER = "Restart run";
  static final long SMTP_DELAY_MS = 1500;
  /** The greeting delay while the last incidents are reported: under the app's 10 s SMTP read timeout. */
  static final long SLOW_GREETING_MS = 8000;
  /** Timers moved to fall due this long later: about when the app stops (the figures say when they fired). */
  static final Duration DUE_SOON = Duration.ofSeconds(45);

  @Test
  void stopCleanlyMidIncidentAndStartOnTheSameDatabase() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "fault-runs", "restart-" + System.currentTimeMillis()));
    GreenMail smtp = new GreenMail(new ServerSetup(AppClient.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int port = AppClient.freePort();
    SlowSmtpRelay relay = new SlowSmtpRelay(smtp.getSmtp().getPort(), SMTP_DELAY_MS);
    AppProcess app = AppProcess.start(dir, port, relay.port(), "app-1.log");
    AppProcess restarted = null;
    try (relay) {
      app.awaitReady();
      AppClient client = new AppClient(port);

      // Responding (priority announced; first-response and status timers pending) and judging urgency.
      List<String> responding = new ArrayList<>();
      List<String> judgingUrgency = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String number = reportAndScope(client, MARKER + " responding " + i);
        client.complete(number, Tasks.JUDGE_IMPORTANCE, "maria", IncidentDriver.importance("HIGH"));
        client.complete(number, Tasks.JUDGE_URGENCY, "maria", IncidentDriver.urgency("URGENT"));
        responding.add(number);
      }
      for (int i = 0; i < 3; i++) {
        String number = reportAndScope(client, MARKER + " judging " + i);
        client.complete(number, Tasks.JUDGE_IMPORTANCE, "maria", IncidentDriver.importance("HIGH"));
        judgingUrgency.add(number);
      }
      List<String> overdue = judgingUrgency.subList(0, 2);
      Map<String, String> instances = new LinkedHashMap<>();
      Map<String, List<String>> stepsBefore = new TreeMap<>();
      Map<String, String> otherTimersBefore = new TreeMap<>();
      for (String number : concat(responding, judgingUrgency)) {
        instances.put(number, client.instanceId(number));
        stepsBefore.put(number, sorted(client.openSteps(number)));
        if (!overdue.contains(number)) {
          for (JsonNode timer : client.timers(instances.get(number))) {
            otherTimersBefore.put(timer.path("id").asText(), timer.path("dueDate").asText());
          }
        }
      }
      // Two urgency judgements become overdue about when the app stops: an operator moved their timers.
      long dueSoonMillis = System.currentTimeMillis() + DUE_SOON.toMillis();
      String dueSoon = restDate(new Date(dueSoonMillis));
      for (String number : overdue) {
        JsonNode timer = client.send("GET", "/engine-rest/job?activityId=" + Tasks.URGENCY_OVERDUE + "&processInstanceId=" + instances.get(number), "admin", null);
        client.setDueDate(timer.get(0).path("id").asText(), dueSoon);
      }
      // Reported last, with the server slower to greet, so their manager reports are queued or being sent at the stop.
      relay.greetingDelay(SLOW_GREETING_MS);
      List<String> reported = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String number = reportAndScope(client, MARKER + " reported " + i);
        reported.add(number);
        stepsBefore.put(number, List.of(Tasks.JUDGE_IMPORTANCE)); // where the model puts it after the scope
      }
      long queuedAtStop = client.deliveriesQueued();
      long openAtStop = client.openDeliveries();
      List<String> numbers = concat(concat(responding, judgingUrgency), reported);

      long stopAt = System.nanoTime();
      int exitCode = app.stop();
      long stoppedAt = System.nanoTime();
      int sentBeforeStop = ReceivedMails.sendsPerSubject(MARKER, smtp.getReceivedMessages()).size();
      long stoppedAtMillis = System.currentTimeMillis();
      relay.greetingDelay(SMTP_DELAY_MS);

      long launchAt = System.nanoTime();
      long launchAtMillis = System.currentTimeMillis();
      restarted = AppProcess.start(dir, port, relay.port(), "app-2.log");
      restarted.awaitReady();
      long readyAt = System.nanoTime();
      for (String number : reported) {
        instances.put(number, client.instanceId(number));
      }
      until(() -> relay.firstConnectionAfter(launchAt) != null, "the first send after the restart", Duration.ofMinutes(10));
      long firstJobAt = relay.firstConnectionAfter(launchAt);
      until(() -> fired(client, overdue, instances) == overdue.size()
            && client.openDeliveries() == 0
            && ReceivedMails.sendsPerSubject(MARKER, smtp.getReceivedMessages()).size() >= client.deliveriesQueued(),
          "every mail sent and the overdue timers fired", Duration.ofMinutes(10));
      long drainedAt = System.nanoTime();

      Map<String, List<String>> stepsAfter = new TreeMap<>();
      Map<String, String> otherTimersAfter = new TreeMap<>();
      int onTimelines = 0;
      for (String number : numbers) {
        stepsAfter.put(number, sorted(client.openSteps(number)));
        onTimelines += client.mailsOnTimeline(number);
        if (!overdue.contains(number) && !reported.contains(number)) { // the timers compared: those read before the stop
          for (JsonNode timer : client.timers(instances.get(number))) {
            otherTimersAfter.put(timer.path("id").asText(), timer.path("dueDate").asText());
          }
        }
      }
      List<Long> escalations = new ArrayList<>();
      long lastTimerFiredAtMillis = 0;
      for (String number : overdue) {
        List<Long> firedAt = client.passedAt(instances.get(number), Tasks.ESCALATE_JUDGEMENT);
        escalations.add((long) firedAt.size());
        lastTimerFiredAtMillis = Math.max(lastTimerFiredAtMillis, firedAt.get(0));
      }
      long queued = client.deliveriesQueued();
      Map<String, Integer> sends = ReceivedMails.sendsPerSubject(MARKER, smtp.getReceivedMessages());
      long lost = queued - sends.size();
      long atTheirSteps = numbers.stream().filter(n -> stepsAfter.get(n).equals(stepsBefore.get(n))).count();

      System.out.printf("%n=== clean stop (SIGTERM) mid-incident, start on the same database (SMTP greeting after %d ms, %d ms for the last reports) ===%n",
          SMTP_DELAY_MS, SLOW_GREETING_MS);
      System.out.printf("incidents:                              %d responding, %d judging urgency (%d with a timer moved to fall due), %d just reported%n",
          responding.size(), judgingUrgency.size(), overdue.size(), reported.size());
      System.out.printf("at the stop:                            %d mails queued, %d of them still unsent%n", queuedAtStop, openAtStop);
      System.out.printf("SIGTERM to exit:                        %.1f s (exit code %d); %d mails sent before the exit%n",
          seconds(stopAt, stoppedAt), exitCode, sentBeforeStop);
      System.out.printf("start to ready:                         %.1f s%n", seconds(launchAt, readyAt));
      System.out.printf("start to the first job run (a send):    %.1f s (%s)%n", seconds(launchAt, firstJobAt),
          firstJobAt - readyAt < 0 ? String.format("%.1f s before the app answered ready", seconds(firstJobAt, readyAt))
              : String.format("%.1f s after ready", seconds(readyAt, firstJobAt)));
      System.out.printf("start to the moved timers fired:        %.1f s (due %.1f s after the exit; %d of %d fired, escalations per incident: %s)%n",
          (lastTimerFiredAtMillis - launchAtMillis) / 1e3, (dueSoonMillis - stoppedAtMillis) / 1e3,
          fired(client, overdue, instances), overdue.size(), escalations);
      System.out.printf("start to every mail sent:               %.1f s%n", seconds(launchAt, drainedAt));
      System.out.printf("other timers kept, same due dates:      %d of %d%n",
          otherTimersBefore.entrySet().stream().filter(e -> e.getValue().equals(otherTimersAfter.get(e.getKey()))).count(), otherTimersBefore.size());
      System.out.printf("incidents at the steps they were at:    %d of %d%n", atTheirSteps, numbers.size());
      System.out.printf("mails queued / sent / lost / sent twice: %d / %d / %d / %d%n",
          queued, ReceivedMails.total(sends), lost, ReceivedMails.duplicates(sends));
      System.out.printf("mails on the incidents' timelines:      %d%n", onTimelines);
      System.out.printf("logs: %s%n", dir.toAbsolutePath());

      assertThat(stepsAfter).as("every incident at its step").isEqualTo(stepsBefore);
      assertThat(escalations).as("each overdue judgement escalated once").containsOnly(1L);
      assertThat(otherTimersAfter).as("the other timers kept as they were").isEqualTo(otherTimersBefore);
      assertThat(lost).as("mails lost").isZero();
      assertThat(ReceivedMails.duplicates(sends)).as("mails sent twice").isZero();
      assertThat(onTimelines).as("one timeline entry per mail").isEqualTo(sends.size());
      restarted.stop();
    } finally {
      app.kill();
      if (restarted != null) {
        restarted.kill();
      }
      smtp.stop();
    }
  }

  private static String reportAndScope(AppClient client, String title) throws Exception {
    String number = client.report(title);
    client.complete(number, Tasks.CONFIRM_SITUATION, "emma", IncidentDriver.situation());
    client.complete(number, Tasks.PROVISIONAL_IMPACT, "emma", IncidentDriver.provisionalImpact("SOME"));
    return number;
  }

  private static long fired(AppClient client, List<String> numbers, Map<String, String> instances) throws Exception {
    long fired = 0;
    for (String number : numbers) {
      if (client.passed(instances.get(number), Tasks.ESCALATE_JUDGEMENT) > 0) {
        fired++;
      }
    }
    return fired;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  private static List<String> sorted(List<String> keys) {
    return keys.stream().sorted().toList();
  }

  private static String restDate(Date date) {
    return AppClient.REST_DATE.format(date.toInstant().atZone(java.time.ZoneId.systemDefault()));
  }
}
