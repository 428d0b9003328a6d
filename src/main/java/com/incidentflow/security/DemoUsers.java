package com.incidentflow.security;

import com.incidentflow.process.engine.UserDirectory;
import java.util.List;
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

  private final UserDirectory people;
  private final IdentitySetup setup;

  public DemoUsers(UserDirectory people, IdentitySetup setup) {
    this.people = people;
    this.setup = setup;
  }

  public void ensure() {
    for (DemoUser demo : TEAM) {
      // Deliberately weak and public: the password policy would refuse it (demo setup only).
      people.ensureUserWithoutPolicy(demo.id(), demo.firstName(), demo.lastName(), demo.email(), demo.id());
      demo.groups().forEach(group -> setup.ensureMember(demo.id(), group));
    }
  }

  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    public String email() {
      return id + "@example.com";
    }
  }
}
