package com.incidentflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the intake API over real HTTP as a person or Alertmanager would, and reads the JSON answer. */
public final class ApiClient {

  public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  /** Set for the test profile in src/test/resources/config/application-test.yaml. */
  public static final String ALERT_TOKEN = "test-alertmanager-token";

  private final TestRestTemplate http;

  public ApiClient(TestRestTemplate http) {
    this.http = http;
  }

  /** Logged in as emma, so the tests keep passing once /api requires HTTP Basic. */
  public Answer post(String path, String body) {
    return exchange(http.withBasicAuth("emma", "emma"), HttpMethod.POST, path, body, new HttpHeaders());
  }

  public Answer postWithBearer(String path, String body, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return exchange(http, HttpMethod.POST, path, body, headers);
  }

  /** As sent, with exactly these headers: no login unless they carry one. */
  public Answer postWithHeaders(String path, String body, HttpHeaders headers) {
    return exchange(http, HttpMethod.POST, path, body, headers);
  }

  public Answer getWithBearer(String path, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    // A prepared URI: the path may carry an already encoded query (a poll Location).
    ResponseEntity<String> response =
        http.exchange(java.net.URI.create(http.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(headers), String.class);
    return new Answer(response.getStatusCode().value(), response.getHeaders(), read(response.getBody()));
  }

  public Answer get(String path, Object... uriVariables) {
    return exchange(http.withBasicAuth("emma", "emma"), HttpMethod.GET, path, null, new HttpHeaders(), uriVariables);
  }

  private static Answer exchange(
      TestRestTemplate client, HttpMethod method, String path, String body, HttpHeaders headers, Object... uriVariables) {
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    ResponseEntity<String> response = client.exchange(path, method, new HttpEntity<>(body, headers), String.class, uriVariables);
    return new Answer(response.getStatusCode().value(), response.getHeaders(), read(response.getBody()));
  }

  public static JsonNode read(String json) {
    try {
      return json == null || json.isBlank() ? JSON.nullNode() : JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + json, e);
    }
  }

  public static ObjectNode fixture(String name) {
    return sample("alertmanager/" + name);
  }

  /** A payload sample under src/test/resources, e.g. "grafana/firing.json". */
  public static ObjectNode sample(String path) {
    try (InputStream in = ApiClient.class.getResourceAsStream("/" + path)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs all calls at once: each waits on one latch, so they hit the server together. */
  public static <T> List<T> simultaneously(int calls, int threads, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  public record Answer(int status, HttpHeaders headers, JsonNode body) {

    public String contentType() {
      return String.valueOf(headers.getContentType());
    }

    /** The fields named in a problem's "errors". */
    public List<String> errorFields() {
      List<String> fields = new ArrayList<>();
      body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
      return fields;
    }

    public String errorMessage(String field) {
      for (JsonNode e : body.path("errors")) {
        if (field.equals(e.path("field").asText())) {
          return e.path("message").asText();
        }
      }
      return null;
    }
  }
}
