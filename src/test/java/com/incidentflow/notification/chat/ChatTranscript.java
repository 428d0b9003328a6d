package com.incidentflow.notification.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentflow.notification.chat.ChatStandIn.Request;
import java.util.List;
import java.util.Map;

/**
 * What the chat stand-in received, as a reviewable Markdown transcript: each Slack call with its
 * channel, thread and text, each Teams card with its blocks, facts and buttons. Generated ids
 * (the incident's process instance, task ids) are replaced by placeholders.
 */
final class ChatTranscript {

  private ChatTranscript() {}

  static String of(List<Request> requests, Map<String, String> placeholders) {
    StringBuilder out = new StringBuilder("# Chat transcript of one incident\n");
    int n = 0;
    for (Request request : requests) {
      n++;
      JsonNode body = request.body();
      out.append("\n## ").append(n).append(". ");
      if (request.path().startsWith("/slack/api/")) {
        String method = request.path().substring("/slack/api/".length());
        out.append("Slack ").append(method).append(" ").append(body.path("channel").asText());
        if (body.has("thread_ts")) {
          out.append(" — reply in thread ").append(body.path("thread_ts").asText());
        } else if (body.has("ts")) {
          out.append(" — root ").append(body.path("ts").asText());
        } else {
          out.append(" — new thread");
        }
        out.append(" (HTTP ").append(request.status()).append(")\n\n```\n").append(body.path("text").asText()).append("\n```\n");
      } else {
        out.append("Teams ").append(request.path().substring("/teams/".length())).append(" (HTTP ").append(request.status()).append(")\n\n");
        JsonNode card = body.path("attachments").get(0).path("content");
        for (JsonNode block : card.path("body")) {
          block(out, block);
        }
        for (JsonNode action : card.path("actions")) {
          out.append("- button \"").append(action.path("title").asText()).append("\" → ").append(action.path("url").asText()).append('\n');
        }
      }
    }
    String transcript = out.toString();
    for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
      transcript = transcript.replace(placeholder.getKey(), placeholder.getValue());
    }
    return transcript.replaceAll("task=[0-9a-f-]{36}", "task={task}");
  }

  private static void block(StringBuilder out, JsonNode block) {
    switch (block.path("type").asText()) {
      case "TextBlock" -> out.append("- text").append(block.has("weight") ? " (" + block.path("weight").asText() + ")" : "")
          .append(": ").append(block.path("text").asText()).append('\n');
      case "FactSet" -> block.path("facts").forEach(fact ->
          out.append("- fact ").append(fact.path("title").asText()).append(": ").append(fact.path("value").asText()).append('\n'));
      case "Container" -> block.path("items").forEach(item -> block(out, item));
      default -> out.append("- ").append(block.toString()).append('\n');
    }
  }
}
