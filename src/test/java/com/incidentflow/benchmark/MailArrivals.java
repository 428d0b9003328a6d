package com.incidentflow.benchmark;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real SMTP server the app sends to (GreenMail, in the benchmark's JVM), noting when each
 * incident's manager report arrived: the moment GreenMail delivers it to its first recipient.
 */
final class MailArrivals implements AutoCloseable {

  /** The manager report's subject ends so in the default (Japanese) mails: "[INC-…] title — 上長への報告". */
  private static final String MANAGER_REPORT = "上長への報告";
  private static final Pattern NUMBER = Pattern.compile("^\\[(INC-[0-9-]+)]");

  final GreenMail smtp;
  private final Map<String, Long> managerReports = new ConcurrentHashMap<>();
  private final AtomicLong deliveries = new AtomicLong();

  MailArrivals(int port) {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    MessageDeliveryHandler store = smtp.getUserManager().getMessageDeliveryHandler();
    smtp.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
      long now = System.nanoTime();
      deliveries.incrementAndGet();
      try {
        String subject = message.getMessage().getSubject();
        if (subject != null && subject.endsWith(MANAGER_REPORT)) {
          Matcher number = NUMBER.matcher(subject);
          if (number.find()) {
            managerReports.putIfAbsent(number.group(1), now);
          }
        }
      } catch (jakarta.mail.MessagingException unreadable) {
        // not a manager report then
      }
      return store.handle(message, recipient);
    });
  }

  int port() {
    return smtp.getSmtp().getPort();
  }

  /** When the incident's manager report arrived (System.nanoTime), or null. */
  Long managerReport(String number) {
    return managerReports.get(number);
  }

  /** Forgets the arrivals so far: each setup's database numbers its incidents from the start again. */
  void forget() {
    managerReports.clear();
  }

  /** Copies delivered so far (one per recipient). */
  long deliveries() {
    return deliveries.get();
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
