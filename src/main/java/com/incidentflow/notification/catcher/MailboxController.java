package com.incidentflow.notification.catcher;

import com.incidentflow.localization.TeamTime;
import com.incidentflow.process.engine.UserDirectory;
import com.incidentflow.security.CamundaUser;
import com.incidentflow.security.Groups;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * /mailbox: the mails the embedded catcher received, for the demo setup. Each user sees the mails
 * addressed to them; incident-admins see all.
 */
@Controller
@ConditionalOnProperty(name = "incident-flow.mail-catcher.enabled", havingValue = "true")
public class MailboxController {

  private final MailCatcher catcher;
  private final UserDirectory people;
  private final TeamTime time;

  public MailboxController(MailCatcher catcher, UserDirectory people, TeamTime time) {
    this.catcher = catcher;
    this.people = people;
    this.time = time;
  }

  @GetMapping("/mailbox")
  public String mailbox(
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage, Model model)
      throws MessagingException, IOException {
    Locale language = TeamTime.readerLocale(acceptLanguage);
    List<MimeMessage> messages = catcher.messages();
    Reader reader = reader();
    List<MailSummary> mails = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      MimeMessage m = messages.get(i);
      if (!reader.mayRead(m)) {
        continue;
      }
      mails.add(
          new MailSummary(
              i, m.getSubject(), addresses(m.getAllRecipients()), sent(m, language), part(m, "text/plain")));
    }
    model.addAttribute("mails", mails);
    return "mailbox";
  }

  /** The HTML body, sandboxed: it is rendered from user input, so it may not run scripts. */
  @GetMapping(value = "/mailbox/{index}/html", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> html(@PathVariable int index) throws MessagingException, IOException {
    List<MimeMessage> messages = catcher.messages();
    // Someone else's mail is answered like a missing one.
    if (index < 0 || index >= messages.size() || !reader().mayRead(messages.get(index))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mail " + index);
    }
    return ResponseEntity.ok()
        .header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'")
        .body(part(messages.get(index), "text/html"));
  }

  /** The logged-in user (HTTP Basic, see security/) and what they may read. */
  private Reader reader() {
    Authentication login = SecurityContextHolder.getContext().getAuthentication();
    if (login == null || !(login.getPrincipal() instanceof CamundaUser user)) {
      return new Reader(false, null);
    }
    if (user.groups().contains(Groups.INCIDENT_ADMINS)) {
      return new Reader(true, null);
    }
    return new Reader(false, people.email(user.id()).orElse(null));
  }

  private record Reader(boolean all, String email) {
    boolean mayRead(MimeMessage mail) throws MessagingException {
      if (all) {
        return true;
      }
      if (email == null || email.isBlank() || mail.getAllRecipients() == null) {
        return false;
      }
      for (Address to : mail.getAllRecipients()) {
        if (to instanceof InternetAddress address && email.equalsIgnoreCase(address.getAddress())) {
          return true;
        }
      }
      return false;
    }
  }

  private String sent(MimeMessage message, Locale reader) throws MessagingException {
    return message.getSentDate() == null ? "" : time.format(message.getSentDate(), reader);
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  static String part(Part part, String mimeType) throws MessagingException, IOException {
    if (part.isMimeType(mimeType)) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = part(body, mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  public record MailSummary(int index, String subject, String to, String sent, String text) {}

}
