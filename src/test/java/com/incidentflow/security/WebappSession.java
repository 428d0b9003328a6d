package com.incidentflow.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A webapp session as the browser keeps it: the app's page hands out the session cookie and the
 * CSRF token, the login form is posted with both, and every answer's cookies are kept.
 */
final class WebappSession {

  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  private final TestRestTemplate http;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf;

  private WebappSession(TestRestTemplate http) {
    this.http = http;
  }

  /** Opens an app's page ("tasklist", "cockpit", "admin") as the browser does before its login form. */
  static WebappSession open(TestRestTemplate http, String app) {
    WebappSession session = new WebappSession(http);
    ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
    session.keep(page);
    session.csrf = page.getHeaders().getFirst(CSRF_HEADER);
    return session;
  }

  /** Posts the login form of the app; the answer says whether it worked (200), or why not. */
  ResponseEntity<String> logIn(String app, String user, String password) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<String> answer =
        http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    keep(answer);
    return answer;
  }

  /** The session changed at login; the browser then fetches the token that belongs to it. */
  WebappSession refreshToken() {
    HttpHeaders fetch = cookieHeaders();
    fetch.add(CSRF_HEADER, "Fetch");
    ResponseEntity<String> fresh = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(fetch), String.class);
    keep(fresh);
    csrf = fresh.getHeaders().getFirst(CSRF_HEADER);
    if (csrf == null) {
      throw new IllegalStateException("No CSRF token for the session");
    }
    return this;
  }

  /** The session's cookies and its CSRF token, as the webapps send them with every change. */
  HttpHeaders headers() {
    HttpHeaders headers = cookieHeaders();
    if (csrf != null) {
      headers.add(CSRF_HEADER, csrf);
    }
    return headers;
  }

  /** The session's cookies alone: what a forged request from another site would carry. */
  HttpHeaders cookieHeaders() {
    HttpHeaders headers = new HttpHeaders();
    List<String> pairs = new ArrayList<>();
    cookies.forEach((name, value) -> pairs.add(name + "=" + value));
    if (!pairs.isEmpty()) {
      headers.add(HttpHeaders.COOKIE, String.join("; ", pairs));
    }
    return headers;
  }

  private void keep(ResponseEntity<?> answer) {
    for (String cookie : answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = cookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
  }
}
