package com.incidentflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends notifications over SMTP (spring.mail.*) as multipart plain text and HTML. */
@Component
public class SmtpMailGateway implements MailGateway {

  private final JavaMailSender sender;
  private final NotificationProperties properties;

  public SmtpMailGateway(JavaMailSender sender, NotificationProperties properties) {
    this.sender = sender;
    this.properties = properties;
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
    sender.send(message);
  }
}
