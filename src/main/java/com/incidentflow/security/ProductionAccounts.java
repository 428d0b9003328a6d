package com.incidentflow.security;

import com.incidentflow.process.engine.UserDirectory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What a production start does to accounts it finds in the database (SPEC: no default password in
 * production). The administrator gets the password from the environment, whatever it had before —
 * so rotating INCIDENT_FLOW_ADMIN_PASSWORD and restarting is how the admin password is changed.
 * Every account whose password is still its own user id (the demo team's, e.g. emma/emma) is
 * disabled with a random password nobody knows, and named in the log; an admin can give it a new
 * password in the Admin webapp.
 */
@Service
public class ProductionAccounts {

  private static final Logger log = LoggerFactory.getLogger(ProductionAccounts.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserDirectory people;

  public ProductionAccounts(UserDirectory people) {
    this.people = people;
  }

  /** @return the accounts that were disabled */
  public List<String> secure(String adminId, String adminPassword) {
    applyAdminPassword(adminId, adminPassword);
    return disableDefaultPasswords(people.userIds());
  }

  List<String> disableDefaultPasswords(List<String> userIds) {
    List<String> disabled = new ArrayList<>();
    for (String user : userIds) {
      if (people.checkPassword(user, user)) {
        people.setPassword(user, unguessable());
        disabled.add(user);
      }
    }
    if (!disabled.isEmpty()) {
      log.warn("Disabled {} account(s) that still had their default (demo) password: {}. "
          + "Give them new passwords in the Admin webapp to use them.", disabled.size(), String.join(", ", disabled));
    }
    return disabled;
  }

  void applyAdminPassword(String adminId, String adminPassword) {
    if (adminId == null || adminPassword == null || adminPassword.isBlank()) {
      return;
    }
    if (people.exists(adminId) && !people.checkPassword(adminId, adminPassword)) {
      people.setPassword(adminId, adminPassword);
      log.warn("The password of administrator '{}' was set to the one from INCIDENT_FLOW_ADMIN_PASSWORD", adminId);
    }
  }

  /** Meets the password policy (letters of both cases, digits, specials) and is never told to anyone. */
  private static String unguessable() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return "Dx9!" + Base64.getEncoder().encodeToString(bytes);
  }
}
