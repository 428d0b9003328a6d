package com.incidentflow.notification.catcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A real SMTP server (GreenMail) inside the app for the embedded setup: notifications are really
 * sent over SMTP and can be read at /mailbox, with nothing installed. Not for production.
 */
@Component
@ConditionalOnProperty(name = "incident-flow.mail-catcher.enabled", havingValue = "true")
public class MailCatcher implements SmartLifecycle {

  private final GreenMail server;
  private volatile boolean running;

  public MailCatcher(MailCatcherProperties properties) {
    this.server = new GreenMail(new ServerSetup(properties.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @Override
  public void start() {
    server.start();
    running = true;
  }

  @Override
  public void stop() {
    server.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the engine and its job executor, so the first notification finds the server. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 100;
  }

  /** Newest first. */
  public List<MimeMessage> messages() {
    List<MimeMessage> all = Arrays.asList(server.getReceivedMessages());
    java.util.Collections.reverse(all);
    return all;
  }
}
