package com.incidentflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.intake.ApiClient.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@IncidentFlowTest
class IntakeOpenApiTest {

  @Autowired TestRestTemplate http;

  @Test
  void shouldDescribeExactlyTheIntakeApi() {
    Answer docs = new ApiClient(http).get("/v3/api-docs/intake");

    assertThat(docs.status()).isEqualTo(200);
    List<String> paths = new ArrayList<>();
    docs.body().path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "/api/incidents", "/api/incidents/{number}", "/api/alerts/alertmanager", "/api/alerts/grafana", "/api/alerts/groups",
            "/api/incidents/{number}/timeline", "/api/incidents/{number}/evidence",
            "/api/incidents/{number}/report", "/api/incidents/{number}/report.md", "/api/metrics",
            "/api/changes", "/api/changes/github", "/api/changes/gitlab");
    JsonNode change = docs.body().path("components").path("schemas").path("ChangeRequest");
    assertThat(change.path("required")).extracting(JsonNode::asText).contains("sourceId", "service", "summary", "author");
    JsonNode report = docs.body().path("components").path("schemas").path("IncidentReport");
    assertThat(report.path("properties").path("reportSource").path("enum")).extracting(JsonNode::asText)
        .containsExactly("CLIENT", "CS", "MONITORING", "ENGINEER", "OTHER");
    assertThat(docs.body().path("components").path("securitySchemes").has("bearer")).isTrue();
    // Both webhooks answer alike, and say so.
    for (String webhook : List.of("/api/alerts/alertmanager", "/api/alerts/grafana")) {
      List<String> answers = new ArrayList<>();
      docs.body().path("paths").path(webhook).path("post").path("responses").fieldNames().forEachRemaining(answers::add);
      assertThat(answers).as(webhook).containsExactlyInAnyOrder("200", "201", "202", "400", "401", "413");
    }
    assertThat(docs.body().path("paths").path("/api/alerts/grafana").path("put").path("responses").has("202")).isTrue();
    assertThat(http.withBasicAuth("emma", "emma").getForEntity("/swagger-ui/index.html", String.class).getBody()).contains("swagger-ui");
  }
}
