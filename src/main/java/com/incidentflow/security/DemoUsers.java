package com.incidentflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo team of the embedded setup (incident-flow.demo.enabled). Each password is the user id:
 * never enable this in production.
 */
@Component
@ConditionalOnProperty(name = "incident-flow.demo.enabled", havingValue = "true")
public class DemoUsers {

  public static final List<DemoUser> TEAM =
      List.of(
          new DemoUser("emma", "Emma", "Engineer", List.of(Groups.ENGINEERS)),
          new DemoUser("kenji", "Kenji", "Engineer", List.of(Groups.ENGINEERS)),
          new DemoUser("maria", "Maria", "Manager", List.of(Groups.MANAGERS)),
          new DemoUser("chloe", "Chloe", "CS", List.of(Groups.CS)),
          new DemoUser("fumi", "Fumi", "Frontend", List.of(Groups.FRONTEND)),
          new DemoUser("ben", "Ben", "Backend", List.of(Groups.BACKEND, Groups.ENGINEERS)),
          new DemoUser("ivan", "Ivan", "Infra", List.of(Groups.INFRA)));

  private final IdentityService identity;
  private final IdentitySetup setup;

  public DemoUsers(IdentityService identity, IdentitySetup setup) {
    this.identity = identity;
    this.setup = setup;
  }

  public void ensure() {
    for (DemoUser demo : TEAM) {
      if (identity.createUserQuery().userId(demo.id()).singleResult() == null) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.email());
        user.setPassword(demo.id());
        // Deliberately weak and public: the password policy would refuse it (demo setup only).
        ((IdentityServiceImpl) identity).saveUser(user, true);
      }
      demo.groups().forEach(group -> setup.ensureMember(demo.id(), group));
    }
  }

  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    public String email() {
      return id + "@example.com";
    }
  }
}
