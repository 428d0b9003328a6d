package com.incidentflow.notification;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notifications over SMTP (spring.mail.*) as multipart plain text and HTML, on connections kept open between
 * mails ({@link SmtpConnections}: up to {@value #KEPT_CONNECTIONS}, each for {@link #KEPT_FOR} after its last mail).
 */
@Component
public class SmtpMailGateway implements MailGateway {

  /** As many as deliveries are usually sent at once (the job executor's core threads), plus one. */
  static final int KEPT_CONNECTIONS = 4;

  /** Well below the idle timeouts of common servers (Postfix 300 s); a dropped one is noticed before use anyway. */
  static final Duration KEPT_FOR = Duration.ofSeconds(30);

  private final JavaMailSender sender;
  private final NotificationProperties properties;
  private final SmtpConnections connections;

  public SmtpMailGateway(JavaMailSender sender, NotificationProperties properties, Clock clock) {
    this.sender = sender;
    this.properties = properties;
    this.connections = sender instanceof JavaMailSenderImpl settings
        ? new SmtpConnections(settings, KEPT_FOR, KEPT_CONNECTIONS, clock)
        : null;
    MailStreams.nameTheProvider();
  }

  @Override
  public void send(OutgoingMail mail) {
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(mail.to().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot build mail '" + mail.subject() + "'", e);
    }
    if (connections == null) {
      sender.send(message); // a sender of another kind: it connects by itself
    } else {
      connections.send(message);
    }
  }

  /** Closes the connections kept open (QUIT) when the app stops. */
  @PreDestroy
  void closeConnections() {
    if (connections != null) {
      connections.close();
    }
  }
}
