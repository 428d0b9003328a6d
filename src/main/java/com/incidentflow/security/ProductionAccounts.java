package com.incidentflow.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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

  private final IdentityService identity;

  public ProductionAccounts(IdentityService identity) {
    this.identity = identity;
  }

  /** @return the accounts that were disabled */
  public List<String> secure(String adminId, String adminPassword) {
    applyAdminPassword(adminId, adminPassword);
    return disableDefaultPasswords(identity.createUserQuery().list());
  }

  List<String> disableDefaultPasswords(List<User> users) {
    List<String> disabled = new ArrayList<>();
    for (User listed : users) {
      if (identity.checkPassword(listed.getId(), listed.getId())) {
        // Read again: checking a password updates the account's row (its failed-attempt count).
        User user = identity.createUserQuery().userId(listed.getId()).singleResult();
        user.setPassword(unguessable());
        identity.saveUser(user);
        disabled.add(user.getId());
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
    if (identity.createUserQuery().userId(adminId).count() == 1 && !identity.checkPassword(adminId, adminPassword)) {
      User admin = identity.createUserQuery().userId(adminId).singleResult();
      admin.setPassword(adminPassword);
      identity.saveUser(admin);
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
