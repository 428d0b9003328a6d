package com.incidentflow.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's Tasklist session as the browser holds it: the session cookie and the webapps' CSRF
 * token, sent to whichever node the URL names (as a load balancer without sticky sessions would).
 */
final class WebappSession {

  static final String ENGINE_API = "/camunda/api/engine/engine/default/";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf;

  /** Opens Tasklist at url and logs in there. */
  static WebappSession logIn(String url, String user, String password) throws Exception {
    WebappSession session = new WebappSession();
    HttpResponse<String> page = session.send(url, HttpRequest.newBuilder(URI.create(url + "/camunda/app/tasklist/default/")).GET());
    session.csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow(() -> new AssertionError("no CSRF token on the page"));
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> loggedIn = session.send(url, HttpRequest.newBuilder(URI.create(url + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", session.csrf)
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (loggedIn.statusCode() != 200) {
      throw new AssertionError(user + " cannot log in to Tasklist: " + loggedIn.statusCode() + " " + loggedIn.body());
    }
    // The session changed at login; the browser then fetches the token that belongs to it.
    HttpResponse<String> fresh = session.get(url, "/camunda/api/admin/auth/user/default");
    if (fresh.statusCode() != 200) {
      throw new AssertionError("no session after the login: " + fresh.statusCode());
    }
    return session;
  }

  HttpResponse<String> get(String url, String path) throws IOException, InterruptedException {
    return send(url, HttpRequest.newBuilder(URI.create(url + path)).header("X-XSRF-TOKEN", "Fetch").GET());
  }

  /** A write, with the session's CSRF token as the webapps send it. */
  HttpResponse<String> post(String url, String path, String json) throws IOException, InterruptedException {
    return send(url, HttpRequest.newBuilder(URI.create(url + path))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  private HttpResponse<String> send(String url, HttpRequest.Builder request) throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    response.headers().firstValue("X-XSRF-TOKEN").filter(token -> !token.equals("Required")).ifPresent(token -> csrf = token);
    return response;
  }
}
