package com.incidentflow.notification.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Posts a message to a Teams Workflow webhook, which answers 202 once it has taken the message. */
class TeamsClient {

  private final ChatProperties.Teams settings;
  private final ObjectMapper json;
  private final ChatHttp http;

  TeamsClient(ChatProperties.Teams settings, ObjectMapper json, Clock clock) {
    this.settings = settings;
    this.json = json;
    this.http = new ChatHttp(settings.timeout(), clock);
  }

  void post(String role, Map<String, Object> message) {
    String webhook = settings.webhooks().get(role);
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(webhook))
          .timeout(settings.timeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message), StandardCharsets.UTF_8))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the Teams card", e);
    }
    // The role, never the URL: the webhook URL is the credential.
    http.send(request, "Teams workflow webhook of " + role);
  }
}
