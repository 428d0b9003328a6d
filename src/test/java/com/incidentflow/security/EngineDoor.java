package com.incidentflow.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    Map<String, String> cookies = new LinkedHashMap<>();
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    keepCookies(page, cookies);
    HttpHeaders login = headers(cookies, page.getHeaders().getFirst("X-XSRF-TOKEN"));
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", user);
    ResponseEntity<String> loggedIn =
        http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST, new HttpEntity<>(form, login), String.class);
    if (loggedIn.getStatusCode() != HttpStatus.OK) {
      throw new IllegalStateException(user + " cannot log in to Tasklist: " + loggedIn.getStatusCode());
    }
    keepCookies(loggedIn, cookies);
    // The session changed at login; the browser then fetches the token that belongs to it.
    ResponseEntity<String> fresh =
        http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(headers(cookies, "Fetch")), String.class);
    keepCookies(fresh, cookies);
    String token = fresh.getHeaders().getFirst("X-XSRF-TOKEN");
    if (token == null) {
      throw new IllegalStateException("No CSRF token for " + user + "'s session");
    }
    return new Client(http, base, headers(cookies, token));
  }

  private static HttpHeaders headers(Map<String, String> cookies, String csrf) {
    HttpHeaders headers = new HttpHeaders();
    List<String> pairs = new ArrayList<>();
    cookies.forEach((name, value) -> pairs.add(name + "=" + value));
    if (!pairs.isEmpty()) {
      headers.add(HttpHeaders.COOKIE, String.join("; ", pairs));
    }
    if (csrf != null) {
      headers.add("X-XSRF-TOKEN", csrf);
    }
    return headers;
  }

  private static void keepCookies(ResponseEntity<?> response, Map<String, String> cookies) {
    for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = cookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
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
