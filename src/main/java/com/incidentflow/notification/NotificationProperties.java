package com.incidentflow.notification;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from sender address of every notification
 * @param baseUrl where people reach this app; links in mails start with it
 * @param locale language of the mails (ja or en)
 * @param groupAddresses extra addresses per group, e.g. a managers' mailing list
 * @param zone the team's time zone: times in mails and reports are shown in it
 */
@ConfigurationProperties("incident-flow.notifications")
public record NotificationProperties(
    String from, String baseUrl, Locale locale, Map<String, List<String>> groupAddresses, ZoneId zone) {

  public NotificationProperties {
    from = from == null ? "Incident Flow <incident-flow@localhost>" : from;
    baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    locale = locale == null ? Locale.JAPANESE : locale;
    groupAddresses = groupAddresses == null ? Map.of() : Map.copyOf(groupAddresses);
    zone = zone == null ? ZoneId.of("Asia/Tokyo") : zone;
  }
}
