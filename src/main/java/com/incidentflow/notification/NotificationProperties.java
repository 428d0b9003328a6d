package com.incidentflow.notification;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What mail alone needs. The base URL, language and zone under the same prefix are the team's
 * ({@link com.incidentflow.config.TeamSettings}).
 *
 * @param from sender address of every notification
 * @param groupAddresses extra addresses per group, e.g. a managers' mailing list
 */
@ConfigurationProperties("incident-flow.notifications")
public record NotificationProperties(String from, Map<String, List<String>> groupAddresses) {

  public NotificationProperties {
    from = from == null ? "Incident Flow <incident-flow@localhost>" : from;
    groupAddresses = groupAddresses == null ? Map.of() : Map.copyOf(groupAddresses);
  }
}
