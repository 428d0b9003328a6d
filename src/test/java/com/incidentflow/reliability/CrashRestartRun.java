package com.incidentflow.reliability;

import static com.incidentflow.reliability.AppClient.seconds;
import static com.incidentflow.reliability.AppClient.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the app while manager reports are being sent, one of them taken by the server and its
 * answer not yet back, then a restart on the same database. Prints the figures for the README's
 * reliability section; asserts what must hold: every incident at its step, every mail sent, at
 * most the one mail in flight at the kill sent twice.
 *
 * <p>Its name does not match Surefire's test patterns: {@code ./mvnw -B -Pfault-runs test -Dtest=CrashRestartRun}.
 */
class CrashRestartRun {

  static final int INCIDENTS = 20;
  static final long GREETING_DELAY_MS = 500;
  /** Under the app's 10 s SMTP read timeout. */
  static final long ACCEPT_DELAY_MS = 6000;
  static final String MARKER = "Crash run";

  @Test
  void killMidSendAndRestartOnTheSameDatabase() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "fault-runs", "crash-" + System.currentTimeMillis()));
    GreenMail smtp = new GreenMail(new ServerSetup(AppClient.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    AppProcess app = null;
    AppProcess restarted = null;
    try (SlowSmtpRelay relay = new SlowSmtpRelay(smtp.getSmtp().getPort(), GREETING_DELAY_MS, ACCEPT_DELAY_MS)) {
      int port = AppClient.freePort();
      app = AppProcess.start(dir, port, relay.port(), "app-1.log");
      app.awaitReady();
      AppClient client = new AppClient(port);

      // The server is down while the incidents are reported, so their reports come due together at
      // their first retry and every job thread is sending at once.
      relay.refuse(true);
      List<String> numbers = new ArrayList<>();
      for (int i = 0; i < INCIDENTS; i++) {
        String number = client.report(MARKER + " " + i);
        client.complete(number, Tasks.CONFIRM_SITUATION, "emma", IncidentDriver.situation());
        client.complete(number, Tasks.PROVISIONAL_IMPACT, "emma", IncidentDriver.provisionalImpact("SOME"));
        numbers.add(number);
      }
      relay.refuse(false);
      // Kill once some reports have arrived and at least two sends are at the end of their message,
      // one of them taken by the server with its answer still on the way.
      // (Or, should that moment not come, once one is taken and half the reports arrived.)
      until(() -> relay.accepting() > 0 && (smtp.getReceivedMessages().length >= 3 && relay.accepting() + relay.writing() >= 2
              || ReceivedMails.sendsPerSubject(MARKER, smtp.getReceivedMessages()).size() >= INCIDENTS / 2),
          "two sends at the end of their message", Duration.ofMinutes(10));
      int acceptingAtKill = relay.accepting();
      int writingAtKill = relay.writing();
      app.kill();
      long killedAt = System.nanoTime();
      int beforeKill = ReceivedMails.sendsPerSubject(MARKER, smtp.getReceivedMessages()).size();

      long restartAt = System.nanoTime();
      restarted = AppProcess.start(dir, port, relay.port(), "app-2.log");
      restarted.awaitReady();
      long readyAt = System.nanoTime();
      until(() -> relay.firstConnectionAfter(restartAt) != null || allSent(smtp, client), "a send after the restart", Duration.ofMinutes(10));
      Long firstSendAt = relay.firstConnectionAfter(restartAt);
      int atRestart = smtp.getReceivedMessages().length;
      until(() -> smtp.getReceivedMessages().length > atRestart || allSent(smtp, client), "a mail after the restart", Duration.ofMinutes(10));
      long resumedAt = System.nanoTime();
      until(() -> allSent(smtp, client), "every report sent", Duration.ofMinutes(10));
      long drainedAt = System.nanoTime();

      Map<String, Integer> sends = ReceivedMails.sendsPerSubject(MARKER, smtp.getReceivedMessages());
      int duplicates = ReceivedMails.duplicates(sends);
      int onTimeline = 0;
      for (String number : numbers) {
        assertThat(client.openTasks(number, Tasks.JUDGE_IMPORTANCE)).as("%s waits for its importance judgement", number).isEqualTo(1);
        onTimeline += client.mailsOnTimeline(number);
      }
      restarted.stop();

      System.out.printf("%n=== kill -9 mid-send, restart on the same database (%d manager reports, SMTP down while they were reported, then greeting after %d ms, answer to a message after %d ms) ===%n",
          INCIDENTS, GREETING_DELAY_MS, ACCEPT_DELAY_MS);
      System.out.printf("reports received before the kill:      %d of %d (the rest queued or in flight)%n", beforeKill, INCIDENTS);
      System.out.printf("at the end of their message at the kill: %d taken by the server (answer pending), %d not yet ended%n",
          acceptingAtKill, writingAtKill);
      System.out.printf("restart to ready:                      %.1f s%n", seconds(restartAt, readyAt));
      System.out.printf("restart to the first send (a job run): %s%n", firstSendAt == null ? "none (all sent)"
          : String.format("%.1f s (%.1f s %s ready)", seconds(restartAt, firstSendAt), Math.abs(seconds(readyAt, firstSendAt)), firstSendAt - readyAt < 0 ? "before" : "after"));
      System.out.printf("ready to the first mail after restart: %.1f s (kill to first mail: %.1f s)%n",
          seconds(readyAt, resumedAt), seconds(killedAt, resumedAt));
      System.out.printf("ready to every mail sent:              %.1f s (kill to every mail: %.1f s)%n", seconds(readyAt, drainedAt), seconds(killedAt, drainedAt));
      System.out.printf("incidents at Judge importance:         %d of %d%n", numbers.size(), INCIDENTS);
      System.out.printf("manager reports sent:                  %d incidents, %d sends, %d sent twice%n",
          sends.size(), ReceivedMails.total(sends), duplicates);
      System.out.printf("mails on the incidents' timelines:     %d%n", onTimeline);
      System.out.printf("logs: %s%n", dir.toAbsolutePath());

      assertThat(sends).as("every incident's report sent").hasSize(INCIDENTS);
      assertThat(duplicates).as("at most the mails taken by the server and not yet recorded at the kill are sent twice").isLessThanOrEqualTo(acceptingAtKill);
      assertThat(onTimeline).as("one timeline entry per report").isEqualTo(INCIDENTS);
    } finally {
      if (app != null) {
        app.kill();
      }
      if (restarted != null) {
        restarted.kill();
      }
      smtp.stop();
    }
  }

  private static boolean allSent(GreenMail smtp, AppClient client) throws Exception {
    return ReceivedMails.sendsPerSubject(MARKER, smtp.getReceivedMessages()).size() >= INCIDENTS && client.openDeliveries() == 0;
  }
}
