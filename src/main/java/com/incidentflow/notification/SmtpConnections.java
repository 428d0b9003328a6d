package com.incidentflow.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Connections to the SMTP server kept open between mails, so that a mail sent soon after another one does not open a
 * connection of its own: each new one costs the greeting, {@code EHLO} (and with a relay {@code STARTTLS}, a second
 * {@code EHLO} and {@code AUTH}) before the first command of the mail — against a local GreenMail about 60 ms of waiting
 * per mail, half of its sending time (docs/performance.md, "The manager-report mail").
 *
 * <p>A connection is used by one sending thread at a time and handed back afterwards. Before it is used again it is
 * asked whether it is still there ({@code NOOP}, which {@link Transport#isConnected()} sends): a server drops idle
 * connections after its own timeout, and a mail is never sent on a connection that might be gone. A connection idle for
 * longer than {@code maxIdle}, or beyond the {@code maxIdleConnections} kept, is closed instead. A mail that fails on a
 * connection closes it; it is not sent again here (the delivery's job retries it), so no mail goes out twice from
 * this class. Settings (host, port, login, protocol, the session's timeouts) are Spring Boot's {@code spring.mail.*}.
 */
final class SmtpConnections implements AutoCloseable {

  private final JavaMailSenderImpl settings;
  private final Duration maxIdle;
  private final int maxIdleConnections;
  private final Clock clock;
  private final BlockingDeque<Idle> idle = new LinkedBlockingDeque<>();

  private record Idle(Transport transport, Instant since) {}

  SmtpConnections(JavaMailSenderImpl settings, Duration maxIdle, int maxIdleConnections, Clock clock) {
    this.settings = settings;
    this.maxIdle = maxIdle;
    this.maxIdleConnections = maxIdleConnections;
    this.clock = clock;
  }

  /** Sends the message to all of its recipients, as {@link JavaMailSenderImpl#send} does, on a kept or a new connection. */
  void send(MimeMessage message) {
    try {
      prepare(message);
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot prepare the mail", e);
    }
    Transport transport;
    try {
      transport = connection();
    } catch (MessagingException e) {
      throw new MailSendException("Mail server connection failed", e); // Spring's sender says the same
    }
    try {
      Address[] recipients = message.getAllRecipients();
      transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
    } catch (MessagingException | RuntimeException e) {
      closeQuietly(transport);
      throw new MailSendException("Sending the mail failed", e);
    }
    giveBack(transport);
  }

  /** How many connections are kept open now. */
  int idleConnections() {
    return idle.size();
  }

  @Override
  public void close() {
    Idle kept;
    while ((kept = idle.pollFirst()) != null) {
      closeQuietly(kept.transport());
    }
  }

  /** What Spring's sender does before sending: the sent date, and the headers written while keeping the Message-ID. */
  private static void prepare(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      message.setHeader("Message-ID", messageId);
    }
  }

  /** The most recently used connection that is still there, or a new one. */
  private Transport connection() throws MessagingException {
    Idle kept;
    while ((kept = idle.pollFirst()) != null) {
      if (Duration.between(kept.since(), clock.instant()).compareTo(maxIdle) <= 0 && kept.transport().isConnected()) {
        return kept.transport();
      }
      closeQuietly(kept.transport());
    }
    Transport transport = settings.getSession().getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
    // As Spring's sender: an empty login is none.
    String username = settings.getUsername() == null || settings.getUsername().isEmpty() ? null : settings.getUsername();
    String password = settings.getPassword() == null || settings.getPassword().isEmpty() ? null : settings.getPassword();
    transport.connect(settings.getHost(), settings.getPort(), username, password);
    return transport;
  }

  private void giveBack(Transport transport) {
    if (idle.size() >= maxIdleConnections || !idle.offerFirst(new Idle(transport, clock.instant()))) {
      closeQuietly(transport);
    }
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException ignored) {
      // gone already
    }
  }
}
