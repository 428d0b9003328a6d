package com.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import com.incidentflow.intake.ApiClient;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Password guessing is slowed down per user and client, over HTTP Basic and the webapps' login
 * alike, and never turns into a lock-out: neither a permanent one (Camunda's own throttle locks an
 * account for good after ten failures) nor one that a guesser elsewhere can impose on the user.
 * Time is the engine clock, moved by the test.
 */
@IncidentFlowTest
class LoginThrottleTest {

  static final String PASSWORD = "Corr3ct-Horse-Battery";

  @Autowired IdentityService identity;
  @Autowired IdentitySetup identitySetup;
  @Autowired LoginThrottleSettings settings;
  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  String user;
  Date now;

  @BeforeEach
  void createUser() {
    user = "guessed" + UUID.randomUUID().toString().substring(0, 8);
    User account = identity.newUser(user);
    account.setPassword(PASSWORD);
    account.setEmail(user + "@example.com");
    identity.saveUser(account);
    identitySetup.ensureMember(user, Groups.ENGINEERS);
    now = new Date();
    ClockUtil.setCurrentTime(now);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identity.deleteUser(user);
  }

  @Test
  void shouldLockTheUserFromThatClientForAWhileAndSaySoWithoutCheckingThePassword() {
    for (int i = 0; i < settings.freeFailures() + 1; i++) {
      assertThat(basic(user, "wrong-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    ResponseEntity<String> locked = basic(user, PASSWORD);
    RawHttp.Response elsewhere = new RawHttp("127.0.0.2", port).send("GET", "/api/incidents", RawHttp.basic(user, PASSWORD), null);

    assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(locked.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(ApiClient.read(locked.getBody()).path("detail").asText())
        .isEqualTo("Temporarily locked after too many failed logins, retry in 1 s.");
    assertThat(elsewhere.status()).as("a guesser elsewhere does not lock the user out").isEqualTo(200);

    ClockUtil.setCurrentTime(new Date(now.getTime() + 1_000));
    assertThat(basic(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldDoubleTheLockWithEachFurtherFailure() {
    for (int i = 0; i < settings.freeFailures() + 1; i++) {
      basic(user, "wrong-" + i);
    }
    ClockUtil.setCurrentTime(new Date(now.getTime() + 1_000));
    assertThat(basic(user, "wrong-again").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> locked = basic(user, PASSWORD);

    assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
  }

  @Test
  void shouldNeverLockAnAccountForGood() {
    for (int i = 0; i < 15; i++) {
      assertThat(basic(user, "wrong-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      now = new Date(now.getTime() + settings.maxLock().toMillis());
      ClockUtil.setCurrentTime(now);
    }

    assertThat(basic(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldAnswerAnUnknownUserExactlyLikeAKnownOne() {
    String ghost = "ghost" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < settings.freeFailures() + 1; i++) {
      assertThat(basic(ghost, "wrong-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(basic(user, "wrong-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    ResponseEntity<String> unknown = basic(ghost, "anything");
    ResponseEntity<String> known = basic(user, "anything");

    assertThat(unknown.getStatusCode()).isEqualTo(known.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(unknown.getBody().replace(ghost, user)).isEqualTo(known.getBody());
  }

  @Test
  void shouldThrottleTheWebappLoginTheSameWay() {
    for (int i = 0; i < settings.freeFailures() + 1; i++) {
      assertThat(webappLogin(user, "wrong-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    ResponseEntity<String> locked = webappLogin(user, PASSWORD);

    assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(locked.getBody()).contains("retry in 1 s");

    ClockUtil.setCurrentTime(new Date(now.getTime() + 1_000));
    ResponseEntity<String> loggedIn = webappLogin(user, PASSWORD);
    assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(loggedIn.getBody()).contains("\"userId\":\"" + user + "\"");
  }

  private ResponseEntity<String> basic(String name, String password) {
    return http.withBasicAuth(name, password).getForEntity("/api/incidents", String.class);
  }

  private ResponseEntity<String> webappLogin(String name, String password) {
    return WebappSession.open(http, "tasklist").logIn("tasklist", name, password);
  }

}
