package com.incidentflow.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The e-mail addresses behind groups and people: members of a Camunda group plus the extra
 * addresses configured for it, and individual users by id.
 */
@Component
public class RecipientDirectory {

  private final IdentityService identity;
  private final NotificationProperties properties;

  public RecipientDirectory(IdentityService identity, NotificationProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  public Set<String> ofGroups(Collection<String> groupIds) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : groupIds) {
      identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
          .map(User::getEmail)
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
    identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).orderByUserId().asc().list()
        .stream()
        .map(User::getEmail)
        .filter(RecipientDirectory::isAddress)
        .forEach(addresses::add);
    return addresses;
  }

  private static boolean isAddress(String email) {
    return email != null && email.contains("@");
  }
}
