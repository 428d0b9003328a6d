package com.incidentflow;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reading what the real SMTP server (GreenMail) received. */
public final class Mails {

  /** System property that hands a child JVM the SMTP port of the test that started it. */
  public static final String PORT_PROPERTY = "incident-flow.test.smtp-port";

  private Mails() {}

  /**
   * The SMTP port of this test JVM: free when chosen, so parallel builds on one machine do not
   * collide. {@link TestMailPort} hands it to the app under test. A node a test starts in a JVM of its
   * own is given the port of the test's server ({@link #PORT_PROPERTY}).
   */
  public static final int PORT = Integer.getInteger(Mails.PORT_PROPERTY, freePort());

  /** A fresh server for each test, on the port the app sends to. */
  public static GreenMailExtension server() {
    return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(true);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port for the test SMTP server", e);
    }
  }

  /**
   * The mails whose subject contains part, one per sent mail: GreenMail stores a copy per
   * recipient, the copies share the Message-ID.
   */
  public static List<MimeMessage> withSubjectContaining(GreenMailExtension server, String part) {
    Map<String, MimeMessage> byMessageId = new LinkedHashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      if (subject(message).contains(part)) {
        byMessageId.putIfAbsent(messageId(message), message);
      }
    }
    return List.copyOf(byMessageId.values());
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
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

  /** The decoded plain-text part. */
  public static String body(MimeMessage message) {
    return part(message, "text/plain");
  }

  /** The decoded HTML part. */
  public static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  private static String part(Part part, String mimeType) {
    try {
      if (part.isMimeType(mimeType)) {
        return String.valueOf(part.getContent());
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          String found = part(multipart.getBodyPart(i), mimeType);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
