package com.incidentflow.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.intake.ApiClient;
import com.incidentflow.intake.ApiClient.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The change feed over real HTTP: a CI job's JSON with its token, and GitHub's and GitLab's own
 * webhook payloads (samples written from their documentation, unknown fields included).
 */
@IncidentFlowTest
class ChangeFeedApiTest {

  static final String TOKEN = "test-changes-token";
  static final String GITHUB_SECRET = "test-github-secret";
  static final String GITLAB_TOKEN = "test-gitlab-token";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  ApiClient api;
  /** Each test's own service and ids: the database is shared by every test of the run. */
  String run;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  static ObjectNode sample(String name) {
    try (InputStream in = ChangeFeedApiTest.class.getResourceAsStream("/changes/" + name)) {
      return (ObjectNode) ApiClient.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ObjectNode ciChange(String sourceId) {
    ObjectNode change = ApiClient.JSON.createObjectNode()
        .put("sourceId", sourceId)
        .put("service", "billing-" + run)
        .put("environment", "production")
        .put("version", "2.7.1")
        .put("summary", "Round invoice totals per line")
        .put("link", "https://git.example.com/billing/pull/42")
        .put("changedAt", "2031-03-10T08:40:00+09:00");
    change.putObject("author").put("name", "Alice Example").put("email", "alice@example.com");
    return change;
  }

  long rows(String sourceId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM change_event WHERE source_id = ?", Long.class, sourceId);
  }

  long allRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM change_event", Long.class);
  }

  Answer github(String body, String event, String secret) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-GitHub-Event", event);
    headers.set("X-GitHub-Delivery", UUID.randomUUID().toString());
    headers.set("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(WebhookSecrets.hmac(body.getBytes(StandardCharsets.UTF_8), secret)));
    return api.postWithHeaders(ChangeController.GITHUB_PATH, body, headers);
  }

  Answer gitlab(String body, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Gitlab-Event", "Deployment Hook");
    headers.set("X-Gitlab-Token", token);
    return api.postWithHeaders(ChangeController.GITLAB_PATH, body, headers);
  }

  @Test
  void shouldRecordCiChangeOnceBySourceId() {
    Answer first = api.postWithBearer(ChangeController.PATH, ciChange("deploy-" + run).toString(), TOKEN);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().path("outcome").asText()).isEqualTo("RECORDED");
    JsonNode change = first.body().path("change");
    assertThat(change.path("service").asText()).isEqualTo("billing-" + run);
    assertThat(change.path("version").asText()).isEqualTo("2.7.1");
    assertThat(change.path("author").path("name").asText()).isEqualTo("Alice Example");
    assertThat(change.path("author").path("email").asText()).isEqualTo("alice@example.com");
    assertThat(change.path("link").asText()).isEqualTo("https://git.example.com/billing/pull/42");
    assertThat(change.path("changedAt").asText()).isEqualTo("2031-03-09T23:40:00Z");

    Answer again = api.postWithBearer(ChangeController.PATH, ciChange("deploy-" + run).put("summary", "changed").toString(), TOKEN);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("outcome").asText()).isEqualTo("ALREADY_RECORDED");
    assertThat(again.body().path("change").path("summary").asText()).isEqualTo("Round invoice totals per line");
    assertThat(rows("ci:deploy-" + run)).isEqualTo(1);
  }

  @Test
  void shouldRecordChangeOfIdentityUserByEngineerLogin() {
    ObjectNode change = ciChange("manual-" + run);
    change.putObject("author").put("user", "kenji");

    Answer answer = api.post(ChangeController.PATH, change.toString());

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body().path("change").path("author").path("user").asText()).isEqualTo("kenji");
  }

  @Test
  void shouldRefuseWrongOrMissingTokenWithNothingRecorded() {
    long before = allRows();

    Answer wrong = api.postWithBearer(ChangeController.PATH, ciChange("wrong-" + run).toString(), "not-the-token");
    Answer alertToken = api.postWithBearer(ChangeController.PATH, ciChange("alert-" + run).toString(), ApiClient.ALERT_TOKEN);
    Answer none = api.postWithHeaders(ChangeController.PATH, ciChange("none-" + run).toString(), new HttpHeaders());

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(alertToken.status()).isEqualTo(401);
    assertThat(none.status()).isEqualTo(401);
    assertThat(allRows()).isEqualTo(before);
  }

  @Test
  void shouldNotLetCiTokenReadOrManagersWrite() {
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(TOKEN);
    var read = http.exchange(ChangeController.PATH, org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(bearer), String.class);
    assertThat(read.getStatusCode().value()).isEqualTo(403);

    var managerWrite = http.withBasicAuth("maria", "maria").postForEntity(ChangeController.PATH,
        new org.springframework.http.HttpEntity<>(ciChange("maria-" + run).toString(), jsonHeaders()), String.class);
    assertThat(managerWrite.getStatusCode().value()).isEqualTo(403);
    assertThat(rows("ci:maria-" + run)).isZero();
  }

  static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  @Test
  void shouldNameEveryFieldAtFaultAndRecordNothing() {
    ObjectNode bad = ciChange("bad-" + run).put("link", "javascript:alert(1)").put("summary", " ");
    bad.remove("service");
    bad.putObject("author").put("name", "Only A Name");

    Answer answer = api.postWithBearer(ChangeController.PATH, bad.toString(), TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.errorFields()).containsExactlyInAnyOrder("service", "summary", "link", "author");
    assertThat(rows("ci:bad-" + run)).isZero();

    Answer unknown = api.postWithBearer(ChangeController.PATH, ciChange("typo-" + run).put("sumary", "x").toString(), TOKEN);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorFields()).containsExactly("sumary");

    Answer notJson = api.postWithBearer(ChangeController.PATH, "{\"sourceId\": ", TOKEN);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(rows("ci:typo-" + run)).isZero();
  }

  @Test
  void shouldRefuseOversizedBodyWithNothingRecorded() {
    long before = allRows();
    String huge = ciChange("huge-" + run).put("summary", "x".repeat(300 * 1024)).toString();

    Answer ci = api.postWithBearer(ChangeController.PATH, huge, TOKEN);
    Answer hook = gitlab(sample("gitlab-deployment.json").put("commit_title", "x".repeat(300 * 1024)).toString(), GITLAB_TOKEN);

    assertThat(ci.status()).isEqualTo(413);
    assertThat(ci.contentType()).startsWith("application/problem+json");
    assertThat(hook.status()).isEqualTo(413);
    assertThat(allRows()).isEqualTo(before);
  }

  @Test
  void shouldRecordGithubSuccessfulDeploymentStatusOnce() {
    ObjectNode payload = sample("github-deployment-status.json");
    payload.with("repository").put("full_name", "example-co/billing-" + run).put("name", "billing-" + run);
    String body = payload.toString();

    Answer answer = github(body, "deployment_status", GITHUB_SECRET);

    assertThat(answer.status()).isEqualTo(201);
    JsonNode change = answer.body().path("change");
    assertThat(change.path("source").asText()).isEqualTo("GITHUB");
    assertThat(change.path("sourceId").asText()).isEqualTo("github:example-co/billing-" + run + "#deployment-1234567");
    assertThat(change.path("service").asText()).isEqualTo("billing-" + run);
    assertThat(change.path("environment").asText()).isEqualTo("production");
    assertThat(change.path("version").asText()).isEqualTo("v2.7.0 @ a1b2c3d4");
    assertThat(change.path("summary").asText()).isEqualTo("Round invoice totals per line");
    assertThat(change.path("author").path("user").asText()).isEqualTo("kenji");
    assertThat(change.path("link").asText()).isEqualTo("https://github.com/example-co/billing/commit/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
    assertThat(change.path("changedAt").asText()).isEqualTo("2031-03-09T23:10:00Z");

    assertThat(github(body, "deployment_status", GITHUB_SECRET).body().path("outcome").asText()).isEqualTo("ALREADY_RECORDED");
    assertThat(rows("github:example-co/billing-" + run + "#deployment-1234567")).isEqualTo(1);
  }

  @Test
  void shouldIgnoreGithubPingAndUnsuccessfulStates() {
    long before = allRows();
    ObjectNode failed = sample("github-deployment-status.json");
    failed.with("deployment_status").put("state", "failure");
    failed.with("repository").put("full_name", "example-co/failed-" + run);

    Answer failure = github(failed.toString(), "deployment_status", GITHUB_SECRET);
    Answer ping = github("{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}", "ping", GITHUB_SECRET);

    assertThat(failure.status()).isEqualTo(200);
    assertThat(failure.body().path("outcome").asText()).isEqualTo("IGNORED");
    assertThat(ping.status()).isEqualTo(200);
    assertThat(allRows()).isEqualTo(before);
  }

  @Test
  void shouldRefuseGithubDeliveryWithBadSignature() {
    long before = allRows();
    ObjectNode payload = sample("github-deployment-status.json");
    payload.with("repository").put("full_name", "example-co/forged-" + run);

    Answer wrongSecret = github(payload.toString(), "deployment_status", "not-the-secret");
    HttpHeaders unsigned = new HttpHeaders();
    unsigned.set("X-GitHub-Event", "deployment_status");
    Answer noSignature = api.postWithHeaders(ChangeController.GITHUB_PATH, payload.toString(), unsigned);

    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(wrongSecret.contentType()).startsWith("application/problem+json");
    assertThat(noSignature.status()).isEqualTo(401);
    assertThat(allRows()).isEqualTo(before);
  }

  @Test
  void shouldRecordGitlabDeploymentEventWithAuthor() {
    ObjectNode payload = sample("gitlab-deployment.json");
    payload.with("project").put("path_with_namespace", "shop/checkout-" + run).put("name", "checkout-" + run);

    Answer answer = gitlab(payload.toString(), GITLAB_TOKEN);

    assertThat(answer.status()).isEqualTo(201);
    JsonNode change = answer.body().path("change");
    assertThat(change.path("source").asText()).isEqualTo("GITLAB");
    assertThat(change.path("sourceId").asText()).isEqualTo("gitlab:shop/checkout-" + run + "#deployment-915");
    assertThat(change.path("service").asText()).isEqualTo("checkout-" + run);
    assertThat(change.path("version").asText()).isEqualTo("c87f2f94");
    assertThat(change.path("summary").asText()).isEqualTo("Retry card authorisation once on timeout");
    assertThat(change.path("author").path("name").asText()).isEqualTo("Emma Engineer");
    assertThat(change.path("author").path("email").asText()).isEqualTo("emma@example.com");
    assertThat(change.path("author").path("user").asText()).isEqualTo("emma");
    assertThat(change.path("link").asText()).startsWith("https://gitlab.example.com/shop/checkout/-/commit/c87f2f94");
    assertThat(change.path("changedAt").asText()).isEqualTo("2031-03-09T23:20:00Z");
  }

  @Test
  void shouldRefuseGitlabDeliveryWithWrongTokenOrMissingIds() {
    long before = allRows();
    ObjectNode payload = sample("gitlab-deployment.json");
    payload.with("project").put("path_with_namespace", "shop/nope-" + run);

    Answer wrong = gitlab(payload.toString(), "not-the-token");
    payload.remove("deployment_id");
    Answer incomplete = gitlab(payload.toString(), GITLAB_TOKEN);
    Answer running = gitlab(sample("gitlab-deployment.json").put("status", "running").toString(), GITLAB_TOKEN);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.errorFields()).containsExactly("deployment_id");
    assertThat(running.body().path("outcome").asText()).isEqualTo("IGNORED");
    assertThat(allRows()).isEqualTo(before);
  }

  @Test
  void shouldListChangesNewestFirstByServiceAndTime() {
    String service = "search-" + run;
    for (String at : new String[] {"2031-03-01T10:00:00Z", "2031-03-03T10:00:00Z", "2031-03-05T10:00:00Z"}) {
      ObjectNode change = ciChange("list-" + at + run).put("service", service).put("changedAt", at);
      assertThat(api.postWithBearer(ChangeController.PATH, change.toString(), TOKEN).status()).isEqualTo(201);
    }

    Answer all = api.get(ChangeController.PATH + "?service={s}", service.toUpperCase());
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body().path("total").asLong()).isEqualTo(3);
    assertThat(all.body().path("items").findValuesAsText("changedAt"))
        .containsExactly("2031-03-05T10:00:00Z", "2031-03-03T10:00:00Z", "2031-03-01T10:00:00Z");

    Answer window = api.get(ChangeController.PATH + "?service={s}&since={since}&until={until}&size=1&page=0",
        service, "2031-03-02T00:00:00+09:00", "2031-03-06T00:00:00Z");
    assertThat(window.body().path("total").asLong()).isEqualTo(2);
    assertThat(window.body().path("items")).hasSize(1);
    assertThat(window.body().path("items").get(0).path("changedAt").asText()).isEqualTo("2031-03-05T10:00:00Z");

    Answer badSize = api.get(ChangeController.PATH + "?size=0");
    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badSize.errorFields()).containsExactly("size");
    Answer badTime = api.get(ChangeController.PATH + "?since=yesterday");
    assertThat(badTime.status()).isEqualTo(400);
  }
}
