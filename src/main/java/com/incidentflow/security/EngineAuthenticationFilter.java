package com.incidentflow.security;

import com.incidentflow.process.engine.CurrentUser;
import com.incidentflow.process.engine.EngineAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the logged-in user and their groups to the engine for the request, so Camunda's
 * authorizations decide what /engine-rest and the app's API may do for them; cleared afterwards,
 * since the engine keeps it per thread. A token (Alertmanager, Prometheus) is no Camunda user:
 * the engine then works as the system, as for any delegate.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final EngineAccess engine;

  public EngineAuthenticationFilter(EngineAccess engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof CamundaUser user)) {
      chain.doFilter(request, response);
      return;
    }
    engine.actAs(new CurrentUser(user.id(), user.groups()), user.tenants());
    try {
      chain.doFilter(request, response);
    } finally {
      engine.forgetCurrentUser();
    }
  }
}
