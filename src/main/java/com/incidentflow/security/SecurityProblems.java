package com.incidentflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentflow.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * One application/problem+json body (RFC 9457) for every 401, 403 and 429 the filter chains give, on
 * /api, /engine-rest and /actuator alike — the API's own shape ({@link Problems}), errors included. Details never say whether a user exists.
 */
public class SecurityProblems {

  static final String BASIC_CHALLENGE = "Basic realm=\"Incident Flow\", charset=\"UTF-8\"";

  private final ObjectMapper json;

  public SecurityProblems(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param challenge the WWW-Authenticate value: which logins this entry takes
   * @param missing the detail when the request brought no credentials at all
   */
  public AuthenticationEntryPoint unauthorized(String challenge, String missing) {
    return (request, response, e) -> {
      if (e instanceof LoginLockedException locked) {
        tooManyAttempts(request, response, locked);
        return;
      }
      String detail = e instanceof InsufficientAuthenticationException ? missing : e.getMessage();
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
      write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    };
  }

  /** 429 with Retry-After: the login is locked for a while, whatever the password. */
  public void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, LoginLockedException locked)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
    write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", locked.getMessage());
  }

  /** @param detail what the logged-in caller reads: why their login is not enough here */
  public AccessDeniedHandler forbidden(Function<String, String> detail) {
    return (request, response, e) -> {
      Authentication caller = SecurityContextHolder.getContext().getAuthentication();
      String name = caller == null ? "" : caller.getName();
      write(request, response, HttpStatus.FORBIDDEN, "Forbidden", detail.apply(name));
    };
  }

  void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = Problems.at(Problems.of(status, title, detail), request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
