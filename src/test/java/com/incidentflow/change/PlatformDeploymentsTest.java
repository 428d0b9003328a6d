package com.incidentflow.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentflow.api.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Reading the platforms' payloads and proofs, without a server. */
class PlatformDeploymentsTest {

  static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2031-03-10T00:00:00Z");

  @Test
  void shouldTakeServiceFromDeploymentPayloadWhenGiven() {
    ObjectNode event = ChangeFeedApiTest.sample("github-deployment-status.json");
    event.with("deployment").with("payload").put("service", "invoices");

    ChangeDraft draft = PlatformDeployments.github(event, RECEIVED).orElseThrow();

    assertThat(draft.service()).isEqualTo("invoices");
    assertThat(draft.sourceId()).isEqualTo("github:example-co/billing#deployment-1234567");
  }

  @Test
  void shouldNameMissingGithubIds() {
    ObjectNode event = ChangeFeedApiTest.sample("github-deployment-status.json");
    event.with("deployment").remove("id");
    event.with("repository").remove("full_name");

    assertThatThrownBy(() -> PlatformDeployments.github(event, RECEIVED))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(com.incidentflow.api.FieldProblem::field).containsExactly("deployment.id", "repository.full_name"));
  }

  @Test
  void shouldDropRedactedGitlabEmailAndKeepUsername() {
    ObjectNode event = ChangeFeedApiTest.sample("gitlab-deployment.json");
    event.with("user").put("email", "[REDACTED]");
    event.remove("status_changed_at");

    ChangeDraft draft = PlatformDeployments.gitlab(event, RECEIVED).orElseThrow();

    assertThat(draft.author()).isEqualTo(new Change.Author("Emma Engineer", null, "emma"));
    assertThat(draft.changedAt()).isEqualTo(RECEIVED);
  }

  @Test
  void shouldIgnoreOtherGitlabEvents() {
    ObjectNode pipeline = ChangeFeedApiTest.sample("gitlab-deployment.json").put("object_kind", "pipeline");

    assertThat(PlatformDeployments.gitlab(pipeline, RECEIVED)).isEmpty();
  }

  @Test
  void shouldAcceptOnlyTheExactGithubSignature() {
    byte[] body = "{\"zen\":\"Design for failure.\"}".getBytes(StandardCharsets.UTF_8);
    String signature = "sha256=" + HexFormat.of().formatHex(WebhookSecrets.hmac(body, "s3cret"));

    assertThat(WebhookSecrets.githubSigned(body, signature, "s3cret")).isTrue();
    assertThat(WebhookSecrets.githubSigned(body, signature.toUpperCase().replace("SHA256=", "sha256="), "s3cret")).isTrue();
    assertThat(WebhookSecrets.githubSigned("{\"zen\":\"Design for failure!\"}".getBytes(StandardCharsets.UTF_8), signature, "s3cret")).isFalse();
    assertThat(WebhookSecrets.githubSigned(body, signature, "other")).isFalse();
    assertThat(WebhookSecrets.githubSigned(body, signature.substring(7), "s3cret")).isFalse();
    assertThat(WebhookSecrets.githubSigned(body, "sha256=zz", "s3cret")).isFalse();
    assertThat(WebhookSecrets.githubSigned(body, signature, "")).isFalse();
  }

  @Test
  void shouldAcceptOnlyTheConfiguredGitlabToken() {
    assertThat(WebhookSecrets.gitlabToken("s3cret", "s3cret")).isTrue();
    assertThat(WebhookSecrets.gitlabToken("s3cret ", "s3cret")).isFalse();
    assertThat(WebhookSecrets.gitlabToken(null, "s3cret")).isFalse();
    assertThat(WebhookSecrets.gitlabToken("", "")).isFalse();
  }
}
