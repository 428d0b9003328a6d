package com.incidentflow;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reading what the real SMTP server (GreenMail) received. */
public final class Mails {

  private Mails() {}

  /** A fresh server for each test, on the port application-test.yaml sends to. */
  public static GreenMailExtension server() {
    return new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);
  }

  public static List<MimeMessage> withSubjectContaining(GreenMailExtension server, String part) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(m -> subject(m).contains(part))
        .distinct()
        .toList();
  }

  /** GreenMail keeps one copy per recipient; this is the set of distinct subjects. */
  public static Set<String> subjects(GreenMailExtension server) {
    return Arrays.stream(server.getReceivedMessages()).map(Mails::subject).collect(Collectors.toCollection(TreeSet::new));
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Set<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(Address::toString).collect(Collectors.toCollection(TreeSet::new));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message);
  }
}
