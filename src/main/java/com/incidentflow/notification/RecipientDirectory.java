package com.incidentflow.notification;

import com.incidentflow.process.engine.UserDirectory;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The e-mail addresses behind groups and people: members of a Camunda group plus the extra
 * addresses configured for it, and individual users by id.
 */
@Component
public class RecipientDirectory {

  private final UserDirectory people;
  private final NotificationProperties properties;

  public RecipientDirectory(UserDirectory people, NotificationProperties properties) {
    this.people = people;
    this.properties = properties;
  }

  public Set<String> ofGroups(Collection<String> groupIds) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : groupIds) {
      people.emailsOfGroup(group).stream()
          .filter(RecipientDirectory::isAddress)
          .forEach(addresses::add);
      properties.groupAddresses().getOrDefault(group, java.util.List.of()).stream()
          .filter(RecipientDirectory::isAddress)
          .forEach(addresses::add);
    }
    return addresses;
  }

  public Set<String> ofUsers(Collection<String> userIds) {
    Set<String> addresses = new LinkedHashSet<>();
    if (userIds.isEmpty()) {
      return addresses;
    }
    people.emailsOf(userIds).stream()
        .filter(RecipientDirectory::isAddress)
        .forEach(addresses::add);
    return addresses;
  }

  private static boolean isAddress(String email) {
    return email != null && email.contains("@");
  }
}
