package com.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import com.incidentflow.intake.ApiClient;
import com.incidentflow.process.IncidentProcess;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The entries of the security filter chain over real HTTP: who gets in where, by any spelling of a path. */
@IncidentFlowTest
class SecurityChainTest {

  static final String SCRAPE_TOKEN = "test-prometheus-token";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @LocalServerPort int port;

  RawHttp raw;

  @BeforeEach
  void setUp() {
    raw = new RawHttp(port);
  }

  /**
   * A ".." (plain, encoded or behind a path parameter), "//" or ";" must never move a request from
   * one rule to another: a webapp's open path or health's open path must not lead to metrics, and
   * the webhook's token must not lead to the rest of the API.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "/camunda/../api/metrics",
    "/actuator/health/../prometheus",
    "/actuator/health/..;/prometheus",
    "/actuator/health/%2e%2e/prometheus",
    "/camunda/..%2fapi/metrics",
    "/camunda/app/%2e%2e/%2e%2e/engine-rest/task",
    "//api//metrics",
    "/api/metrics;jsessionid=x"
  })
  void shouldRefuseEveryPathNotInNormalFormBeforeAnyRuleIsChosen(String path) {
    RawHttp.Response anonymous = raw.send("GET", path, null, null);
    RawHttp.Response engineer = raw.send("GET", path, RawHttp.basic("emma", "emma"), null);

    assertThat(anonymous.status()).isEqualTo(400);
    assertThat(anonymous.body()).doesNotContain("incident_flow_").doesNotContain("openByPriority");
    assertThat(engineer.status()).isEqualTo(400);
    assertThat(engineer.body()).doesNotContain("incident_flow_").doesNotContain("openByPriority");
  }

  @Test
  void shouldAnswerTheEnginesOwnRefusalAsTheSameProblemAndCreateNothing() {
    String body = "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"Str0ng-Enough-9!\"}}";

    RawHttp.Response refused = raw.send("POST", "/engine-rest/user/create", RawHttp.basic("emma", "emma"), body);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.head()).containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(refused.body()).contains("\"status\":403", "\"title\":\"Forbidden\"", "CREATE");
    assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void shouldExplainARefusedPathAsAProblem() {
    RawHttp.Response refused = raw.send("GET", "/camunda/../api/metrics", null, null);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.head()).containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(refused.body()).contains("not in normal form");
  }

  @Test
  void shouldNeverLetTheWebhookTokenReachTheRestOfTheApi() {
    long incidents = runtime.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).count();
    String report = "{\"title\":\"Token abuse\",\"reportSource\":\"CLIENT\",\"userAction\":\"x\",\"occurredAt\":\"2026-11-25T09:12:00+09:00\"}";

    RawHttp.Response traversal = raw.send("POST", "/api/alerts/../incidents", "Bearer " + ApiClient.ALERT_TOKEN, report);
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(ApiClient.ALERT_TOKEN);
    bearer.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> direct = http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(report, bearer), String.class);
    ResponseEntity<String> engine = http.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(bearer), String.class);

    assertThat(traversal.status()).isEqualTo(400);
    assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).count()).isEqualTo(incidents);
  }

  @ParameterizedTest(name = "{0} scrapes /actuator/prometheus: {1}")
  @CsvSource({"maria, 200", "admin, 200", "emma, 403", "chloe, 403", "ivan, 403"})
  void shouldLetOnlyMetricsReadersScrape(String user, int status) {
    ResponseEntity<String> scrape = http.withBasicAuth(user, user).getForEntity("/actuator/prometheus", String.class);

    assertThat(scrape.getStatusCode().value()).isEqualTo(status);
    if (status == 403) {
      assertThat(scrape.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(scrape.getBody()).doesNotContain("incident_flow_").contains("may not read incident metrics");
    } else {
      assertThat(scrape.getBody()).contains("incident_flow_open_incidents");
    }
  }

  @Test
  void shouldLetPrometheusScrapeWithItsTokenAndNothingElse() {
    ResponseEntity<String> scrape = bearer("/actuator/prometheus", SCRAPE_TOKEN, "Bearer");
    ResponseEntity<String> anySpelling = bearer("/actuator/prometheus", SCRAPE_TOKEN, "bEARER");
    ResponseEntity<String> wrong = bearer("/actuator/prometheus", "not-the-token", "Bearer");
    ResponseEntity<String> report = bearer("/api/metrics", SCRAPE_TOKEN, "Bearer");
    ResponseEntity<String> elsewhere = bearer("/api/incidents", SCRAPE_TOKEN, "Bearer");
    ResponseEntity<String> alertToken = bearer("/actuator/prometheus", ApiClient.ALERT_TOKEN, "Bearer");

    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody()).contains("incident_flow_open_incidents");
    assertThat(anySpelling.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(wrong.getBody()).doesNotContain("incident_flow_");
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(alertToken.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/incidents", "/engine-rest/task", "/actuator/prometheus", "/api/metrics", "/mailbox", "/swagger-ui/index.html"})
  void shouldAnswerEveryMissingLoginWithOneProblemBody(String path) {
    ResponseEntity<String> anonymous = http.getForEntity(path, String.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("Basic realm=\"Incident Flow\"");
    assertThat(ApiClient.read(anonymous.getBody()).path("status").asInt()).isEqualTo(401);
    assertThat(ApiClient.read(anonymous.getBody()).path("title").asText()).isEqualTo("Unauthorized");
  }

  @Test
  void shouldRefuseAnOversizedBodyOnTheEngineRestApiAndStartNothing() {
    long incidents = runtime.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).count();
    String huge = "{\"variables\":{\"title\":{\"value\":\"" + "x".repeat(600 * 1024) + "\"}}}";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> refused = http.withBasicAuth("emma", "emma").exchange(
        "/engine-rest/process-definition/key/" + IncidentProcess.PROCESS_KEY + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(huge, headers), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody()).doesNotContain("xxxxxxxx");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).count()).isEqualTo(incidents);
  }

  /** A refusal names what is wrong; it never hands the request body back (to logs, proxies, pages). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/incidents", "/engine-rest/process-definition/key/incident-response/submit-form"})
  void shouldNeverEchoARequestBodyInAnError(String path) {
    String marker = "secret-looking-text-";
    String body = "{\"title\": " + marker.repeat(5_000) + "}";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> refused = http.withBasicAuth("emma", "emma").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);

    assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
    assertThat(refused.getBody()).as("a 100 KB body, answered in a few lines").hasSizeLessThan(1_000);
  }

  @Test
  void shouldKeepHealthOpenAndTellNothingMore() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

    // UP or DOWN (no SMTP server in this test): either way answered without a login, and only that.
    assertThat(health.getStatusCode().value()).isIn(200, 503);
    assertThat(health.getBody()).matches("\\{\"status\":\"(UP|DOWN)\"}");
  }

  @Test
  void shouldSendSecurityHeadersOnTheAppsResponsesRefusalsIncluded() {
    for (ResponseEntity<String> response :
        List.of(http.withBasicAuth("emma", "emma").getForEntity("/api/incidents", String.class), http.getForEntity("/api/incidents", String.class))) {
      HttpHeaders headers = response.getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
      assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
      assertThat(headers.getCacheControl()).contains("no-store");
      assertThat(headers.getFirst("Strict-Transport-Security")).as("HSTS is off unless switched on").isNull();
      assertThat(headers.getOrEmpty(HttpHeaders.SET_COOKIE)).as("no session for HTTP Basic").isEmpty();
    }
  }

  private ResponseEntity<String> bearer(String path, String token, String scheme) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, scheme + " " + token);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
