package com.incidentflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one way into the app's HTTP endpoints: HTTP Basic against the Camunda identity service. Denies
 * by default; only the webapps (their own login and CSRF protection), the root redirect and the
 * health check are left to others. For the request, the user and their groups become the engine's
 * current authentication, so Camunda's authorizations apply to /engine-rest and to the app's API
 * alike.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  /**
   * Served without this filter: each has its own protection or must stay reachable. "/camunda"
   * without a slash: the webapps also call e.g. /camunda-welcome, and a Basic challenge there makes
   * the browser open a login dialog over Tasklist.
   */
  static final List<String> OPEN_PREFIXES = List.of("/camunda", "/actuator/health", "/favicon.ico");

  /**
   * The monitoring webhooks (Alertmanager, Grafana) authenticate with their own bearer token, checked
   * by AlertAuthentication for everything under this prefix.
   */
  static final String ALERT_WEBHOOKS = "/api/alerts/";

  private final IdentityService identity;

  public BasicAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.isEmpty() || path.equals("/") || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
      return true;
    }
    String authorization = request.getHeader("Authorization");
    // Only a plain path: "..", ";" or escapes could make the container route it outside the prefix.
    boolean plain = !path.contains("..") && !path.contains(";") && !path.contains("%") && !path.contains("//");
    return plain && path.startsWith(ALERT_WEBHOOKS) && authorization != null && authorization.startsWith("Bearer ");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
      unauthorized(response, credentials == null ? "Log in with HTTP Basic." : "Wrong user name or password.");
      return;
    }
    String user = credentials[0];
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
    identity.setAuthentication(user, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static String[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static void unauthorized(HttpServletResponse response, String detail) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"Incident Flow\", charset=\"UTF-8\"");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail + "\"}");
  }
}
