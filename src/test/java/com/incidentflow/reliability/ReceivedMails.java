package com.incidentflow.reliability;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the SMTP server received, per notification. GreenMail keeps one copy per recipient,
 * so a notification's sends are its copies divided by its recipients. A notification's subject names
 * its incident and its kind, and the runs queue each kind at most once per incident, so a subject
 * stands for one delivery.
 */
final class ReceivedMails {

  private ReceivedMails() {}

  /** Sends per subject, of the messages whose subject contains marker. */
  static Map<String, Integer> sendsPerSubject(String marker, MimeMessage[]... received) throws MessagingException {
    Map<String, Integer> copies = new TreeMap<>();
    Map<String, Integer> recipients = new TreeMap<>();
    for (MimeMessage[] messages : received) {
      for (MimeMessage message : messages) {
        String subject = message.getSubject();
        if (subject.contains(marker)) {
          copies.merge(subject, 1, Integer::sum);
          recipients.put(subject, message.getAllRecipients().length);
        }
      }
    }
    Map<String, Integer> sends = new TreeMap<>();
    copies.forEach((subject, n) -> sends.put(subject, Math.max(1, n / recipients.get(subject))));
    return sends;
  }

  static int total(Map<String, Integer> sends) {
    return sends.values().stream().mapToInt(Integer::intValue).sum();
  }

  static int duplicates(Map<String, Integer> sends) {
    return sends.values().stream().mapToInt(n -> n - 1).sum();
  }
}
