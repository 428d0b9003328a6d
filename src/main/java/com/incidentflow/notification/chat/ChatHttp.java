package com.incidentflow.notification.chat;

import com.incidentflow.notification.DeliveryFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Sends one request to a chat service and sorts its answer: 2xx is returned; 429, 408 and 5xx are
 * temporary (retried, after Retry-After when given); any other 4xx will never succeed and fails the
 * delivery at once. Neither the request's address (a Teams webhook URL is a credential) nor a token
 * appears in a message.
 */
final class ChatHttp {

  private static final int EXCERPT = 300;

  private final HttpClient client;
  private final Clock clock;

  ChatHttp(Duration connectTimeout, Clock clock) {
    this.clock = clock;
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  HttpResponse<String> send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw DeliveryFailure.temporary(what + " failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.temporary(what + " was interrupted", null, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    String answer = what + " answered HTTP " + status + excerpt(response.body());
    if (status == 429 || status == 408 || status >= 500) {
      throw DeliveryFailure.temporary(answer, retryAfter(response), null);
    }
    throw DeliveryFailure.permanent(answer + " — this will not succeed by retrying; fix the configuration, then retry the job in Cockpit");
  }

  /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
  Duration retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").map(value -> parseRetryAfter(value, clock)).orElse(null);
  }

  static Duration parseRetryAfter(String value, Clock clock) {
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String line = body.replaceAll("\\s+", " ").strip();
    return ": " + (line.length() > EXCERPT ? line.substring(0, EXCERPT) + "…" : line);
  }
}
