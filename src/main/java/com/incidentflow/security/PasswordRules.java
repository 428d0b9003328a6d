package com.incidentflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's default password policy (at least 10 characters with upper- and lower-case letters, a
 * digit and a special character, and nothing of the user's id, names or e-mail), said in words.
 * The engine enforces it on every password it stores (see config.EnginePlugins); this
 * explains a refusal where the engine is not yet running, e.g. the admin's password at start.
 */
public final class PasswordRules {

  private PasswordRules() {}

  /** What the user's password lacks; empty when it passes. The user's data must not appear in it. */
  public static List<String> unmet(String password, String userId, String firstName, String lastName, String email) {
    UserEntity user = new UserEntity(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    List<String> unmet = new ArrayList<>();
    for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
      if (!rule.execute(password == null ? "" : password, user)) {
        unmet.add(describe(rule.getPlaceholder(), rule.getParameters()));
      }
    }
    return unmet;
  }

  /** Every rule of the policy in words, for a refusal that does not know the password. */
  public static List<String> all() {
    return new DefaultPasswordPolicyImpl().getRules().stream().map(r -> describe(r.getPlaceholder(), r.getParameters())).toList();
  }

  static String describe(String placeholder, Map<String, String> parameters) {
    String count = parameters == null || parameters.isEmpty() ? "" : parameters.values().iterator().next();
    return switch (placeholder) {
      case "PASSWORD_POLICY_LENGTH" -> "at least " + count + " characters";
      case "PASSWORD_POLICY_LOWERCASE" -> "at least " + count + " lower-case letter(s)";
      case "PASSWORD_POLICY_UPPERCASE" -> "at least " + count + " upper-case letter(s)";
      case "PASSWORD_POLICY_DIGIT" -> "at least " + count + " digit(s)";
      case "PASSWORD_POLICY_SPECIAL" -> "at least " + count + " special character(s)";
      case "PASSWORD_POLICY_USER_DATA" -> "nothing of the user's id, names or e-mail address";
      default -> placeholder + " " + parameters;
    };
  }
}
