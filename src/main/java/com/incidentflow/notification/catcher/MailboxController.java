package com.incidentflow.notification.catcher;

import com.incidentflow.localization.TeamTime;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/** /mailbox: the mails the embedded catcher received, for the demo setup. */
@Controller
@ConditionalOnProperty(name = "incident-flow.mail-catcher.enabled", havingValue = "true")
public class MailboxController {

  private final MailCatcher catcher;
  private final TeamTime time;

  public MailboxController(MailCatcher catcher, TeamTime time) {
    this.catcher = catcher;
    this.time = time;
  }

  @GetMapping("/mailbox")
  public String mailbox(
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage, Model model)
      throws MessagingException, IOException {
    Locale reader = TeamTime.readerLocale(acceptLanguage);
    List<MimeMessage> messages = catcher.messages();
    List<MailSummary> mails = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      MimeMessage m = messages.get(i);
      mails.add(
          new MailSummary(
              i, m.getSubject(), addresses(m.getAllRecipients()), sent(m, reader), part(m, "text/plain")));
    }
    model.addAttribute("mails", mails);
    return "mailbox";
  }

  /** The HTML body, sandboxed: it is rendered from user input, so it may not run scripts. */
  @GetMapping(value = "/mailbox/{index}/html", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> html(@PathVariable int index) throws MessagingException, IOException {
    List<MimeMessage> messages = catcher.messages();
    if (index < 0 || index >= messages.size()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mail " + index);
    }
    return ResponseEntity.ok()
        .header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'")
        .body(part(messages.get(index), "text/html"));
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
