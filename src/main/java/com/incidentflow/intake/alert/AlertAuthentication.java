package com.incidentflow.intake.alert;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a monitoring webhook (Alertmanager, Grafana: everything under /api/alerts/) call in with the
 * alert bearer token or with the normal API login. The security filter passes bearer requests there
 * through untouched, so the token is checked here; any other request must carry the login the
 * filter established. Runs before the body is read, so a
 * caller without access learns nothing about its payload.
 */
@Component
public class AlertAuthentication implements HandlerInterceptor {

  private static final String BEARER = "Bearer ";

  private final AlertProperties properties;
  private final IdentityService identity;

  public AlertAuthentication(AlertProperties properties, IdentityService identity) {
    this.properties = properties;
    this.identity = identity;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    check(request.getHeader(HttpHeaders.AUTHORIZATION));
    return true;
  }

  /** @throws AlertUnauthorizedException unless the caller may send alerts */
  public void check(String authorization) {
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String presented = authorization.substring(BEARER.length()).strip();
      if (!properties.tokenConfigured() || !sameSecret(presented, properties.token())) {
        throw new AlertUnauthorizedException("The bearer token is not valid for the alert webhook");
      }
      return;
    }
    if (identity.getCurrentAuthentication() == null) {
      throw new AlertUnauthorizedException("Send the alert webhooks' bearer token or log in to the API");
    }
  }

  /** Compares digests, so the time taken says nothing about the token, not even its length. */
  static boolean sameSecret(String presented, String expected) {
    return MessageDigest.isEqual(sha256(presented), sha256(expected));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
