package com.incidentflow.notification.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentflow.notification.DeliveryFailure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The two Slack Web API methods chat needs, chat.postMessage and chat.update, as JSON over the JDK's
 * HTTP client. Slack answers most errors with HTTP 200 and {@code "ok": false}: the few that pass
 * (rate limits, Slack's own failures) are retried, every other (a revoked token, a channel the app
 * is not in) fails the delivery at once with Slack's error code.
 */
class SlackClient {

  /** Slack's error codes worth retrying; every other error code is permanent. */
  private static final Set<String> TEMPORARY =
      Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private final ChatProperties.Slack settings;
  private final ObjectMapper json;
  private final ChatHttp http;

  SlackClient(ChatProperties.Slack settings, ObjectMapper json, Clock clock) {
    this.settings = settings;
    this.json = json;
    this.http = new ChatHttp(settings.timeout(), clock);
  }

  /** Posts text to channel, in thread threadTs unless null; returns the new message's ts. */
  String postMessage(String channel, String text, String threadTs) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", channel);
    if (threadTs != null) {
      body.put("thread_ts", threadTs);
    }
    body.put("text", text);
    body.put("mrkdwn", true);
    // Typed names stay text: only our own <@U…> mentions notify anyone.
    body.put("link_names", false);
    body.put("unfurl_links", false);
    body.put("unfurl_media", false);
    return call("chat.postMessage", body, channel).path("ts").asText();
  }

  /** Replaces the text of the message ts in channel. */
  void update(String channel, String ts, String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", channel);
    body.put("ts", ts);
    body.put("text", text);
    body.put("link_names", false);
    call("chat.update", body, channel);
  }

  private JsonNode call(String method, Map<String, Object> body, String channel) {
    String what = "Slack " + method + " in channel " + channel;
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(endpoint(method))
          .timeout(settings.timeout())
          .header("Authorization", "Bearer " + settings.botToken())
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the " + method + " request", e);
    }
    HttpResponse<String> response = http.send(request, what);
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw DeliveryFailure.temporary(what + " answered something other than JSON" + ChatHttp.excerpt(response.body()), null, null);
    }
    if (answer.path("ok").asBoolean(false)) {
      return answer;
    }
    String error = answer.path("error").asText("unknown_error");
    if (TEMPORARY.contains(error)) {
      throw DeliveryFailure.temporary(what + " failed: " + error, http.retryAfter(response), null);
    }
    throw DeliveryFailure.permanent(what + " was refused: " + error
        + " — this will not succeed by retrying; fix the Slack app or incident-flow.chat.slack, then retry the job in Cockpit");
  }

  private URI endpoint(String method) {
    String base = settings.apiUrl().toString().replaceAll("/+$", "");
    return URI.create(base + "/" + method);
  }
}
