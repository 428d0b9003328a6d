package com.incidentflow.notification.catcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.incidentflow.IncidentFlowTest;
import com.incidentflow.localization.TeamTime;
import com.incidentflow.process.engine.UserDirectory;
import com.incidentflow.security.CamundaUser;
import com.incidentflow.security.Groups;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo mailbox shows each user the mails addressed to them, and incident-admins all of them;
 * someone else's mail is not found. A real catcher (SMTP) with the demo team's real addresses.
 */
@IncidentFlowTest
class MailboxTest {

  @Autowired UserDirectory people;

  MailCatcher catcher;
  MailboxController mailbox;
  int port;

  @BeforeEach
  void startCatcher() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    catcher = new MailCatcher(new MailCatcherProperties(true, port));
    catcher.start();
    mailbox = new MailboxController(catcher, people, new TeamTime(ZoneId.of("Asia/Tokyo"), Locale.ENGLISH));
    send("emma@example.com", "For Emma");
    send("maria@example.com", "For Maria");
    send("chloe@example.com, emma@example.com", "For Chloe and Emma");
  }

  @AfterEach
  void stopCatcher() {
    SecurityContextHolder.clearContext();
    catcher.stop();
  }

  @Test
  void shouldShowEachUserOnlyTheMailAddressedToThem() throws Exception {
    // The catcher keeps one copy per recipient, so a mail to two people is listed twice.
    assertThat(subjectsFor("emma", Groups.ENGINEERS)).containsOnly("For Chloe and Emma", "For Emma");
    assertThat(subjectsFor("maria", Groups.MANAGERS)).containsOnly("For Maria");
    assertThat(subjectsFor("ivan", Groups.INFRA)).isEmpty();
    assertThat(subjectsFor("admin", Groups.INCIDENT_ADMINS)).containsOnly("For Chloe and Emma", "For Maria", "For Emma");
  }

  @Test
  void shouldAnswerSomeoneElsesMailAsNotFound() throws Exception {
    logIn("maria", Groups.MANAGERS);
    List<MimeMessage> all = catcher.messages();
    int mariasMail = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).getSubject().equals("For Maria")) {
        mariasMail = i;
      }
    }

    assertThat(mailbox.html(mariasMail).getStatusCode().is2xxSuccessful()).isTrue();
    for (int i = 0; i < all.size(); i++) {
      if (i != mariasMail) {
        int other = i;
        assertThatThrownBy(() -> mailbox.html(other)).isInstanceOf(ResponseStatusException.class).hasMessageContaining("404");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> subjectsFor(String user, String group) throws Exception {
    logIn(user, group);
    ExtendedModelMap model = new ExtendedModelMap();
    mailbox.mailbox(null, model);
    return ((List<MailboxController.MailSummary>) model.get("mails")).stream().map(MailboxController.MailSummary::subject).toList();
  }

  private void logIn(String user, String group) {
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(new CamundaUser(user, List.of(group), List.of()), null, List.of()));
  }

  private void send(String to, String subject) throws Exception {
    Properties smtp = new Properties();
    smtp.put("mail.smtp.host", "127.0.0.1");
    smtp.put("mail.smtp.port", String.valueOf(port));
    MimeMessage message = new MimeMessage(Session.getInstance(smtp));
    message.setFrom(new InternetAddress("incident-flow@localhost"));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    message.setSubject(subject);
    message.setText("Body of " + subject);
    Transport.send(message);
  }
}
