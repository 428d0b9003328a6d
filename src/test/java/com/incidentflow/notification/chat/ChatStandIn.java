package com.incidentflow.notification.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local HTTP server standing in for Slack's Web API (/slack/api/…) and for Teams Workflow webhooks
 * (/teams/{role}). It records every request and answers like the services do: Slack with
 * {@code {"ok":true,"ts":…}} (ts counting up from 1764547200.000001), Teams with 202. A test can
 * script the next answers of a path (an outage, a rate limit, a refusal).
 */
public final class ChatStandIn implements AutoCloseable {

  /** This test JVM's port for the stand-in; {@link TestChatPort} hands it to the app under test. */
  public static final int PORT = freePort();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Deque<Answer>> scripted = new HashMap<>();
  private int messages;

  private ChatStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public static ChatStandIn start() {
    try {
      return new ChatStandIn();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the chat stand-in on port " + PORT, e);
    }
  }

  /** What the service received: path, Authorization header, JSON body and the status answered. */
  public record Request(String path, String authorization, String contentType, JsonNode body, int status) {}

  private record Answer(int status, Map<String, String> headers, String body) {}

  /** The next request to path gets this answer instead of the usual one. */
  public synchronized void answerNext(String path, int status, Map<String, String> headers, String body) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Answer(status, headers, body));
  }

  /** Forgets what was received and scripted; Slack's ts count starts again at 1. */
  public synchronized void reset() {
    requests.clear();
    scripted.clear();
    messages = 0;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The ts the stand-in gives its n-th accepted Slack message (1-based). */
  public static String ts(int n) {
    return String.format("1764547200.%06d", n);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      Deque<Answer> next = scripted.get(path);
      Answer answer = next != null && !next.isEmpty() ? next.poll() : usual(path, body);
      requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("Content-Type"), body, answer.status()));
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  private Answer usual(String path, JsonNode body) {
    Map<String, String> json = Map.of("Content-Type", "application/json; charset=utf-8");
    if (path.equals("/slack/api/chat.postMessage")) {
      messages++;
      return new Answer(200, json, "{\"ok\":true,\"channel\":\"" + body.path("channel").asText() + "\",\"ts\":\"" + ts(messages) + "\"}");
    }
    if (path.equals("/slack/api/chat.update")) {
      return new Answer(200, json, "{\"ok\":true,\"channel\":\"" + body.path("channel").asText() + "\",\"ts\":\"" + body.path("ts").asText() + "\"}");
    }
    if (path.startsWith("/teams/")) {
      return new Answer(202, Map.of(), "");
    }
    return new Answer(404, json, "{\"ok\":false,\"error\":\"unknown_method\"}");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port for the chat stand-in", e);
    }
  }
}
