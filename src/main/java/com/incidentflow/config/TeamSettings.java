package com.incidentflow.config;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people reach the app, their language and their time zone — read by mails, chat, the
 * report, the timeline, the API's links, the metrics' days and the incident number's year. The keys
 * stay under incident-flow.notifications, where deployments already set them.
 *
 * @param baseUrl where people reach this app; every link to it starts with it
 * @param locale the team's language (ja or en) for readers the app does not ask: mails, the report
 * @param zone the team's time zone: times people read, "today" and the year are taken in it
 */
@ConfigurationProperties("incident-flow.notifications")
public record TeamSettings(String baseUrl, Locale locale, ZoneId zone) {

  public TeamSettings {
    baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    locale = locale == null ? Locale.JAPANESE : locale;
    zone = zone == null ? ZoneId.of("Asia/Tokyo") : zone;
  }
}
