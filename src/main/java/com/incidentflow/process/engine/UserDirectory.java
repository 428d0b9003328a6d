package com.incidentflow.process.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * The people Incident Flow knows (the engine's identity service): who exists, how to reach them,
 * their groups, and the accounts the app itself keeps (demo team, groups, production passwords), and
 * the password policy in words ({@link PasswordPolicy}).
 */
@Component
public class UserDirectory {

  private final IdentityService identity;

  public UserDirectory(IdentityService identity) {
    this.identity = identity;
  }

  public boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() == 1;
  }

  /** The first user with this e-mail address. */
  public Optional<String> userWithEmail(String email) {
    return identity.createUserQuery().userEmail(email).list().stream().map(User::getId).findFirst();
  }

  /** The user's e-mail address, if the user exists and has one. */
  public Optional<String> email(String userId) {
    return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()).map(User::getEmail);
  }

  /** The addresses of these users, as recorded (null where a user has none), by user id. */
  public List<String> emailsOf(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).orderByUserId().asc().list()
        .stream().map(User::getEmail).toList();
  }

  /** The addresses of the group's members, as recorded (null where a user has none), by user id. */
  public List<String> emailsOfGroup(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()
        .stream().map(User::getEmail).toList();
  }

  /** A value stored with the user (e.g. their chat id); null when unset. */
  public String info(String userId, String key) {
    return identity.getUserInfo(userId, key);
  }

  public List<String> userIds() {
    return identity.createUserQuery().list().stream().map(User::getId).toList();
  }

  /** Whether the password is the user's; counts as a login attempt for the engine. */
  public boolean checkPassword(String userId, String password) {
    return identity.checkPassword(userId, password);
  }

  public List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /** The user's tenants, also those of their groups. */
  public List<String> tenantsOf(String userId) {
    return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
  }

  /** Sets the password of an existing user, under the password policy. */
  public void setPassword(String userId, String password) {
    // Read right before: checking a password updates the account's row (its failed-attempt count).
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword(password);
    identity.saveUser(user);
  }

  /** Creates the user unless they exist, with a password the policy is not asked about (the demo team's). */
  public void ensureUserWithoutPolicy(String userId, String firstName, String lastName, String email, String password) {
    if (identity.createUserQuery().userId(userId).singleResult() == null) {
      User user = identity.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      ((IdentityServiceImpl) identity).saveUser(user, true);
    }
  }

  public void ensureGroup(String groupId, String name, String type) {
    if (identity.createGroupQuery().groupId(groupId).singleResult() == null) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  public void ensureMember(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  /**
   * Camunda's default password policy (at least 10 characters with upper- and lower-case letters, a
   * digit and a special character, and nothing of the user's id, names or e-mail), said in words.
   * The engine enforces it on every password it stores (see config.EnginePlugins); this
   * explains a refusal where the engine is not yet running, e.g. the admin's password at start.
   */
  public static final class PasswordPolicy {

    private PasswordPolicy() {}

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
}
