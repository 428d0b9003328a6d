package com.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A remembered HTTP Basic login ({@link LoginCache}) never outlives what it was based on: a changed
 * password, a removed membership or a deleted user count from the very next request, and a pair
 * locked by the throttle stays locked even for the right password.
 */
@IncidentFlowTest
class RememberedLoginTest {

  static final String PASSWORD = "Corr3ct-Horse-Battery";
  static final String NEW_PASSWORD = "N3w-Staple-Battery!";

  @Autowired IdentityService identity;
  @Autowired IdentitySetup identitySetup;
  @Autowired LoginThrottleSettings settings;
  @Autowired TestRestTemplate http;

  String user;

  @BeforeEach
  void createUser() {
    user = "remembered" + UUID.randomUUID().toString().substring(0, 8);
    User account = identity.newUser(user);
    account.setPassword(PASSWORD);
    account.setEmail(user + "@example.com");
    identity.saveUser(account);
    identitySetup.ensureMember(user, Groups.MANAGERS);
  }

  @AfterEach
  void deleteUser() {
    if (identity.createUserQuery().userId(user).count() > 0) {
      identity.deleteUser(user);
    }
  }

  @Test
  void shouldRefuseTheOldPasswordFromTheRequestAfterItChanged() {
    assertThat(status(user, PASSWORD, "/api/incidents")).isEqualTo(HttpStatus.OK);

    User account = identity.createUserQuery().userId(user).singleResult();
    account.setPassword(NEW_PASSWORD);
    identity.saveUser(account);

    assertThat(status(user, PASSWORD, "/api/incidents")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(status(user, NEW_PASSWORD, "/api/incidents")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldApplyARemovedMembershipFromTheNextRequest() {
    assertThat(status(user, PASSWORD, "/api/metrics")).isEqualTo(HttpStatus.OK);

    identity.deleteMembership(user, Groups.MANAGERS);

    assertThat(status(user, PASSWORD, "/api/metrics")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldRefuseADeletedUserFromTheNextRequest() {
    assertThat(status(user, PASSWORD, "/api/incidents")).isEqualTo(HttpStatus.OK);

    identity.deleteUser(user);

    assertThat(status(user, PASSWORD, "/api/incidents")).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldKeepALockedPairLockedThoughItsLoginIsRemembered() {
    assertThat(status(user, PASSWORD, "/api/incidents")).isEqualTo(HttpStatus.OK);
    for (int i = 0; i < settings.freeFailures() + 1; i++) {
      assertThat(status(user, "wrong-" + i, "/api/incidents")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    assertThat(status(user, PASSWORD, "/api/incidents")).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  private HttpStatus status(String name, String password, String path) {
    return HttpStatus.valueOf(http.withBasicAuth(name, password).getForEntity(path, String.class).getStatusCode().value());
  }
}
