package com.incidentflow.reliability;

import static com.incidentflow.reliability.AppClient.seconds;
import static com.incidentflow.reliability.AppClient.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server down for several minutes of real time while incidents are reported and judged
 * over HTTP against the app in its own JVM (job executor on, real clock). Prints the figures for the
 * README's reliability section; asserts what must hold: every request answered, every next step
 * open at once, every mail sent exactly once after the server is back.
 *
 * <p>{@code ./mvnw -B -Pfault-runs test -Dtest=SmtpOutageRun}; {@code -Dfault-runs.smtp-outage=PT1M}
 * for a quick run (default PT5M), {@code -Dfault-runs.incidents=N} (default 10).
 */
class SmtpOutageRun {

  static final Duration OUTAGE = Duration.parse(System.getProperty("fault-runs.smtp-outage", "PT5M"));
  static final int INCIDENTS = Integer.getInteger("fault-runs.incidents", 10);
  static final String MARKER = "Outage run";

  int requests;
  final List<String> failures = new ArrayList<>();
  int nextStepsChecked;
  final List<String> nextStepsMissing = new ArrayList<>();

  @Test
  void smtpDownForMinutesWhileIncidentsFlow() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "fault-runs", "smtp-outage-" + System.currentTimeMillis()));
    int smtpPort = AppClient.freePort();
    GreenMail before = smtp(smtpPort);
    GreenMail after = null;
    AppProcess app = AppProcess.start(dir, AppClient.freePort(), smtpPort, "app.log");
    try {
      app.awaitReady();
      AppClient client = new AppClient(app.port);

      before.stop();
      long downAt = System.nanoTime();
      // Incidents keep coming through the outage, one every OUTAGE / INCIDENTS.
      List<String> numbers = new ArrayList<>();
      for (int i = 0; i < INCIDENTS; i++) {
        long due = downAt + OUTAGE.toNanos() * i / INCIDENTS;
        while (System.nanoTime() - due < 0) {
          Thread.sleep(50);
        }
        String number = workThroughJudgements(client, MARKER + " " + i);
        if (number != null) {
          numbers.add(number);
        }
      }
      long queuedDuringOutage = client.deliveriesQueued();
      long unsentAtReturn = client.openDeliveries();
      while (System.nanoTime() - (downAt + OUTAGE.toNanos()) < 0) {
        Thread.sleep(50);
      }

      after = smtp(smtpPort);
      long backAt = System.nanoTime();
      GreenMail server = after;
      until(() -> server.getReceivedMessages().length > 0, "the first mail after the outage", Duration.ofHours(2));
      long firstAt = System.nanoTime();
      until(() -> client.openDeliveries() == 0, "every delivery done", Duration.ofHours(2));
      long drainedAt = System.nanoTime();

      long queued = client.deliveriesQueued();
      MimeMessage[] duringOutage = before.getReceivedMessages();
      Map<String, Integer> sends = ReceivedMails.sendsPerSubject(MARKER, duringOutage, after.getReceivedMessages());
      long lost = queued - sends.size();
      int onTimelines = 0;
      for (String number : numbers) {
        onTimelines += client.mailsOnTimeline(number);
      }

      System.out.printf("%n=== SMTP down %s (real clock) while %d incidents are reported and judged over HTTP ===%n", OUTAGE, INCIDENTS);
      System.out.printf("delivery retry schedule:               %s%n", retrySchedule());
      System.out.printf("reports and completions during outage: %d, %d failed%s%n", requests, failures.size(), failures.isEmpty() ? "" : " " + failures);
      System.out.printf("next step open right after completing:  %d of %d%s%n",
          nextStepsChecked - nextStepsMissing.size(), nextStepsChecked, nextStepsMissing.isEmpty() ? "" : " missing: " + nextStepsMissing);
      System.out.printf("mails queued during the outage:        %d (%d still unsent when the server came back)%n", queuedDuringOutage, unsentAtReturn);
      System.out.printf("server back to the first mail:         %.1f s%n", seconds(backAt, firstAt));
      System.out.printf("server back to every mail sent:        %.1f s%n", seconds(backAt, drainedAt));
      System.out.printf("mails queued / sent / lost / sent twice: %d / %d / %d / %d%n",
          queued, ReceivedMails.total(sends), lost, ReceivedMails.duplicates(sends));
      System.out.printf("mails on the incidents' timelines:     %d%n", onTimelines);
      System.out.printf("logs: %s%n", dir.toAbsolutePath());

      assertThat(failures).as("requests answered while SMTP was down").isEmpty();
      assertThat(nextStepsMissing).as("next steps open at once").isEmpty();
      assertThat(duringOutage).as("nothing reached the stopped server").isEmpty();
      assertThat(lost).as("mails lost").isZero();
      assertThat(ReceivedMails.duplicates(sends)).as("mails sent twice").isZero();
      assertThat(onTimelines).as("one timeline entry per mail").isEqualTo(sends.size());
      app.stop();
    } finally {
      app.kill();
      before.stop();
      if (after != null) {
        after.stop();
      }
    }
  }

  /** Report, confirm, scope, judge importance and urgency; after each completion its next step must be open. */
  private String workThroughJudgements(AppClient client, String title) throws Exception {
    String number = attempt(() -> client.report(title));
    if (number == null) {
      return null;
    }
    // A step that failed or whose next step is missing ends this incident's walk (and is counted).
    if (step(client, number, Tasks.CONFIRM_SITUATION, "emma", IncidentDriver.situation(), Tasks.PROVISIONAL_IMPACT)
        && step(client, number, Tasks.PROVISIONAL_IMPACT, "emma", IncidentDriver.provisionalImpact("SOME"), Tasks.JUDGE_IMPORTANCE)
        && step(client, number, Tasks.JUDGE_IMPORTANCE, "maria", IncidentDriver.importance("HIGH"), Tasks.JUDGE_URGENCY)) {
      step(client, number, Tasks.JUDGE_URGENCY, "maria", IncidentDriver.urgency("URGENT"), Tasks.FIRST_RESPONSE);
    }
    return number;
  }

  private boolean step(AppClient client, String number, String task, String user, Map<String, Object> values, String next) throws Exception {
    if (attempt(() -> {
      client.complete(number, task, user, values);
      return task;
    }) == null) {
      return false;
    }
    nextStepsChecked++;
    if (client.openTasks(number, next) != 1) {
      nextStepsMissing.add(number + " " + next);
      return false;
    }
    return true;
  }

  interface Call<T> {
    T run() throws Exception;
  }

  private <T> T attempt(Call<T> call) {
    requests++;
    try {
      return call.run();
    } catch (Exception e) {
      failures.add(e.getMessage());
      return null;
    }
  }

  private static GreenMail smtp(int port) {
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return smtp;
  }

  /** The schedule the deliveries run on, as the model says it. */
  static String retrySchedule() throws Exception {
    Matcher cycle = Pattern.compile("<camunda:failedJobRetryTimeCycle>([^<]+)<")
        .matcher(Files.readString(Path.of("processes", "notification-delivery.bpmn")));
    return cycle.find() ? cycle.group(1) : "(none)";
  }
}
