package com.incidentflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form (POST /camunda/api/admin/auth/user/{engine}/login/{app}) under the same
 * {@link LoginThrottle} as HTTP Basic. Camunda checks the password; this filter reads the user name
 * from the form first (and replays the body to Camunda), refuses a locked pair before Camunda sees
 * it, and learns the outcome from Camunda's answer: 401 is a wrong password, 200 (or 403: right
 * password, no access to that webapp) a right one.
 */
public class WebappLoginThrottleFilter extends OncePerRequestFilter {

  static final RequestMatcher LOGIN =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*");
  /** A login form is tiny; anything bigger is not read into memory. */
  static final int MAX_FORM_BYTES = 8 * 1024;

  private final LoginThrottle throttle;
  private final SecurityProblems problems;

  public WebappLoginThrottleFilter(LoginThrottle throttle, SecurityProblems problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !LOGIN.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    if (body.length > MAX_FORM_BYTES) {
      problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", "A login form is smaller than this.");
      return;
    }
    Map<String, List<String>> form = form(new String(body, StandardCharsets.ISO_8859_1));
    String user = form.getOrDefault("username", List.of("")).get(0);
    String client = request.getRemoteAddr();
    try {
      throttle.attempt(user, client);
    } catch (LoginLockedException locked) {
      problems.tooManyAttempts(request, response, locked);
      return;
    }
    try {
      chain.doFilter(new Replayed(request, body, form), response);
    } catch (IOException | ServletException | RuntimeException e) {
      throttle.abandoned(user, client);
      throw e;
    }
    int status = response.getStatus();
    if (status == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(user, client);
    } else if (status < 300 || status == HttpStatus.FORBIDDEN.value()) {
      throttle.succeeded(user, client);
    } else {
      throttle.abandoned(user, client);
    }
  }

  static Map<String, List<String>> form(String body) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return values;
  }

  /**
   * The request with its body read again from memory, for Camunda's login resource: as a stream
   * and as form parameters (the container's own parsing would find the stream consumed).
   */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;
    private final Map<String, String[]> parameters = new LinkedHashMap<>();

    Replayed(HttpServletRequest request, byte[] body, Map<String, List<String>> form) {
      super(request);
      this.body = body;
      if (request.getQueryString() != null) {
        form(request.getQueryString()).forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
      }
      form.forEach((k, v) -> parameters.merge(k, v.toArray(String[]::new), Replayed::concat));
    }

    private static String[] concat(String[] a, String[] b) {
      String[] both = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, both, a.length, b.length);
      return both;
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body is already in memory");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
    }
  }
}
