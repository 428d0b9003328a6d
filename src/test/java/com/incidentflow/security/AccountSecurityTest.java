package com.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Accounts over real HTTP: every password the app stores meets the policy, whatever door it came
 * through; a production start gives the admin the configured password and leaves no account with
 * its demo password.
 */
@IncidentFlowTest
class AccountSecurityTest {

  static final String STRONG = "Tw0-factors-later!";

  @Autowired IdentityService identity;
  @Autowired ProductionAccounts productionAccounts;
  @Autowired TestRestTemplate http;

  final String prefix = "acct" + UUID.randomUUID().toString().substring(0, 6);

  @AfterEach
  void deleteUsers() {
    identity.createUserQuery().list().stream().map(User::getId).filter(id -> id.startsWith(prefix)).forEach(identity::deleteUser);
  }

  @Test
  void shouldRefuseAWeakPasswordForANewAccountAndCreateNothing() {
    String weak = prefix + "weak";

    ResponseEntity<String> refused = createUser(weak, "password1");
    ResponseEntity<String> accepted = createUser(prefix + "strong", STRONG);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody()).contains("policy").contains("\"field\":\"password\"").contains("at least 10 characters");
    assertThat(identity.createUserQuery().userId(weak).count()).isZero();
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(http.withBasicAuth(prefix + "strong", STRONG).getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldRefuseAWeakNewPasswordAndKeepTheOldOne() {
    String user = prefix + "change";
    createUser(user, STRONG);

    ResponseEntity<String> refused =
        http.withBasicAuth(user, STRONG).exchange(
            "/engine-rest/user/{id}/credentials", HttpMethod.PUT,
            new HttpEntity<>(Map.of("password", "abc", "authenticatedUserPassword", STRONG)), String.class, user);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(identity.checkPassword(user, STRONG)).isTrue();
    assertThat(identity.checkPassword(user, "abc")).isFalse();
  }

  @Test
  void shouldGiveTheAdminTheConfiguredPasswordOnAProductionStart() {
    String admin = prefix + "admin";
    createUser(admin, "Old-admin-pass-1");

    productionAccounts.applyAdminPassword(admin, "N3w-admin-pass-2");

    assertThat(http.withBasicAuth(admin, "Old-admin-pass-1").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(admin, "N3w-admin-pass-2").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldDisableEveryAccountThatKeptItsDemoPassword() {
    String demo = prefix + "demo";
    String kept = prefix + "kept";
    User former = identity.newUser(demo);
    former.setPassword(demo);
    ((IdentityServiceImpl) identity).saveUser(former, true);
    createUser(kept, STRONG);

    List<String> disabled =
        productionAccounts.disableDefaultPasswords(identity.createUserQuery().userIdIn(demo, kept).list().stream().map(User::getId).toList());

    assertThat(disabled).containsExactly(demo);
    assertThat(http.withBasicAuth(demo, demo).getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(kept, STRONG).getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(identity.createUserQuery().userId(demo).count()).as("disabled, not deleted").isOne();
  }

  private ResponseEntity<String> createUser(String id, String password) {
    return http.withBasicAuth("admin", "admin").postForEntity(
        "/engine-rest/user/create",
        Map.of("profile", Map.of("id", id, "firstName", "Test", "lastName", "User", "email", id + "@example.com"),
            "credentials", Map.of("password", password)),
        String.class);
  }
}
