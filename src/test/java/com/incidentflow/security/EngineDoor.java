package com.incidentflow.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The two doors to the engine a logged-in person has: the engine's REST API with HTTP Basic, and the
 * webapps' engine API with a Tasklist session and its CSRF token, as the browser sends them. Paths
 * are relative to the engine ("task/{id}/variables").
 */
enum EngineDoor {
  ENGINE_REST("/engine-rest/"),
  WEBAPP("/camunda/api/engine/engine/default/");

  private final String base;

  EngineDoor(String base) {
    this.base = base;
  }

  /** A user's way through this door. */
  Client as(TestRestTemplate http, String user) {
    return this == ENGINE_REST ? new Client(http.withBasicAuth(user, user), base, new HttpHeaders()) : webapp(http, user);
  }

  private Client webapp(TestRestTemplate http, String user) {
    WebappSession session = WebappSession.open(http, "tasklist");
    ResponseEntity<String> loggedIn = session.logIn("tasklist", user, user);
    if (loggedIn.getStatusCode() != HttpStatus.OK) {
      throw new IllegalStateException(user + " cannot log in to Tasklist: " + loggedIn.getStatusCode());
    }
    return new Client(http, base, session.refreshToken().headers());
  }

  record Client(TestRestTemplate http, String base, HttpHeaders session) {

    ResponseEntity<String> get(String path, Object... uriVariables) {
      return http.exchange(base + path, HttpMethod.GET, new HttpEntity<>(headers(null)), String.class, uriVariables);
    }

    ResponseEntity<String> send(HttpMethod method, String path, Object body, Object... uriVariables) {
      return http.exchange(base + path, method, new HttpEntity<>(body, headers(MediaType.APPLICATION_JSON)), String.class, uriVariables);
    }

    /** A file upload, as a binary variable is set. */
    ResponseEntity<String> upload(HttpMethod method, String path, String fileName, byte[] content, Object... uriVariables) {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("data", new ByteArrayResource(content) {
        @Override
        public String getFilename() {
          return fileName;
        }
      });
      parts.add("valueType", "Bytes");
      return http.exchange(base + path, method, new HttpEntity<>(parts, headers(MediaType.MULTIPART_FORM_DATA)), String.class, uriVariables);
    }

    /** A file with text fields, as Tasklist attaches one to a task. */
    ResponseEntity<String> attach(String path, String fileName, byte[] content, Map<String, String> fields, Object... uriVariables) {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      fields.forEach(parts::add);
      parts.add("content", new ByteArrayResource(content) {
        @Override
        public String getFilename() {
          return fileName;
        }
      });
      HttpMethod method = HttpMethod.POST;
      return http.exchange(base + path, method, new HttpEntity<>(parts, headers(MediaType.MULTIPART_FORM_DATA)), String.class, uriVariables);
    }

    private HttpHeaders headers(MediaType contentType) {
      HttpHeaders headers = new HttpHeaders();
      headers.addAll(session);
      headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      if (contentType != null) {
        headers.setContentType(contentType);
      }
      return headers;
    }
  }
}
